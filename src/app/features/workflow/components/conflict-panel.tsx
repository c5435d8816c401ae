import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  changed: { fontWeight: tokens.fontWeightSemibold },
});

export interface ConflictRow {
  label: string;
  mine: string;
  theirs: string;
}

/**
 * A save answered 409: someone else changed it. Both versions side by side; the user keeps theirs (saved again on
 * top of the current version) or takes the current one. Nothing is overwritten without this choice.
 */
export function ConflictPanel({
  rows,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  rows: ConflictRow[];
  busy?: boolean;
  onKeepMine(): void;
  onTakeTheirs(): void;
}) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  return (
    <div className={styles.panel} role="alert" data-testid="conflict">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('conflictTitle')}</MessageBarTitle>
          {t('conflictIntro')}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={onKeepMine} disabled={busy}>
            {t('keepMine')}
          </Button>
          <Button onClick={onTakeTheirs} disabled={busy}>
            {t('takeTheirs')}
          </Button>
        </MessageBarActions>
      </MessageBar>
      <Table size="small" aria-label={t('conflictTitle')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('field')}</TableHeaderCell>
            <TableHeaderCell>{t('yours')}</TableHeaderCell>
            <TableHeaderCell>{t('theirs')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.label}>
              <TableCell>{r.label}</TableCell>
              <TableCell className={r.mine !== r.theirs ? styles.changed : undefined}>
                {r.mine || t('none')}
              </TableCell>
              <TableCell className={r.mine !== r.theirs ? styles.changed : undefined}>
                {r.theirs || t('none')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
