import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';

/** Whether a TCP connection to host:port is accepted. */
export function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The addresses sockets listen on for `port`, from the kernel's tables (/proc/net/tcp and tcp6). */
export function boundAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    fs.existsSync(table)
      ? fs
          .readFileSync(table, 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.trim().split(/\s+/))
          .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${hexPort}`)) // 0A: LISTEN
          .map(([, local]) => {
            const address = local.split(':')[0];
            if (address.length === 8)
              return (address.match(/../g) ?? [])
                .map((byte) => parseInt(byte, 16))
                .reverse()
                .join('.');
            return /^0+$/.test(address) ? '::' : address;
          })
      : [],
  );
}

/** The machine's IPv4 addresses other than loopback (none on a machine without a network). */
export function otherAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .flatMap((address) => (address && address.family === 'IPv4' && !address.internal ? [address.address] : []));
}

/**
 * Where `port` can be reached: on 127.0.0.1, on which of the machine's other addresses a connection is
 * accepted, and the addresses the kernel shows it bound to.
 */
export async function listening(port: number): Promise<{ loopback: boolean; otherAddressesAccepting: string[]; boundTo: string[] }> {
  const others = otherAddresses();
  const accepted = await Promise.all(others.map((address) => connects(address, port)));
  return {
    loopback: await connects('127.0.0.1', port),
    otherAddressesAccepting: others.filter((_, index) => accepted[index]),
    boundTo: boundAddresses(port),
  };
}
