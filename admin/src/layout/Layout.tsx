import AccountTreeIcon from '@mui/icons-material/AccountTree';
import CodeIcon from '@mui/icons-material/Code';
import { ListSubheader } from '@mui/material';
import type { ReactNode } from 'react';
import { Layout as RaLayout, Menu as RaMenu, useSidebarState, useTranslate } from 'react-admin';
import { resources, type Area } from '../resources';

const AREAS: Area[] = ['membership', 'itcell', 'training'];

/** The menu groups resources by the service that owns them, then the tools (unit tree, API playground). */
export function Menu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {AREAS.map((area) => [
        open && <ListSubheader key={area}>{translate(`sangathan.menu.${area}`)}</ListSubheader>,
        ...resources.filter((entry) => entry.area === area).map((entry) => <RaMenu.ResourceItem key={entry.name} name={entry.name} />),
      ])}
      {open && <ListSubheader>{translate('sangathan.menu.tools')}</ListSubheader>}
      <RaMenu.Item to="/unit-tree" primaryText="sangathan.tree.title" leftIcon={<AccountTreeIcon />} />
      <RaMenu.Item
        to="/playground"
        component="a"
        href="/playground"
        target="_blank"
        primaryText="sangathan.menu.playground"
        leftIcon={<CodeIcon />}
      />
    </RaMenu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <RaLayout menu={Menu}>{children}</RaLayout>;
}
