import AccountTreeIcon from '@mui/icons-material/AccountTree';
import CodeIcon from '@mui/icons-material/Code';
import HistoryIcon from '@mui/icons-material/History';
import { ListSubheader } from '@mui/material';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout as RaLayout,
  LoadingIndicator,
  LocalesMenuButton,
  Menu as RaMenu,
  ToggleThemeButton,
  usePermissions,
  useSidebarState,
  useTranslate,
} from 'react-admin';
import { AccountMenu, AccountScope } from '../auth/AccountMenu';
import { canAccess, canReadAudit } from '../auth/permissions';
import type { Role } from '../auth/session';
import { resources, type Area } from '../resources';
import { PartialAnswerNotice } from './PartialAnswerNotice';

const AREAS: Area[] = ['membership', 'itcell', 'training', 'access'];

/**
 * The menu groups resources by the service that owns them (accounts and partner tokens apart, for
 * admins), then the tools (unit tree, the audit log for admins, API playground). A role sees only the resources it may list.
 */
export function Menu() {
  const translate = useTranslate();
  const [open] = useSidebarState();
  const { permissions } = usePermissions<Role | null>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {AREAS.map((area) => {
        const entries = resources.filter((entry) => entry.area === area && canAccess(permissions, entry.access, 'list'));
        if (!entries.length) return null;
        return [
          open && <ListSubheader key={area}>{translate(`sangathan.menu.${area}`)}</ListSubheader>,
          ...entries.map((entry) => <RaMenu.ResourceItem key={entry.name} name={entry.name} />),
        ];
      })}
      {open && <ListSubheader>{translate('sangathan.menu.tools')}</ListSubheader>}
      <RaMenu.Item to="/unit-tree" primaryText="sangathan.tree.title" leftIcon={<AccountTreeIcon />} />
      {canReadAudit(permissions) && <RaMenu.Item to="/audit-log" primaryText="sangathan.audit.log.title" leftIcon={<HistoryIcon />} />}
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

/** The app bar: the account's role and scope unit, languages, theme, and the account menu (its name). */
function SangathanAppBar() {
  return (
    <AppBar
      userMenu={<AccountMenu />}
      toolbar={
        <>
          <AccountScope />
          <LocalesMenuButton />
          <ToggleThemeButton />
          <LoadingIndicator />
        </>
      }
    />
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={Menu} appBar={SangathanAppBar}>
      <PartialAnswerNotice />
      {children}
    </RaLayout>
  );
}
