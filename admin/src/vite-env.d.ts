/// <reference types="vite/client" />
declare module 'jsonexport/dist' {
  const jsonExport: (data: unknown, callback: (error: Error | null, csv: string) => void) => void;
  export default jsonExport;
}
