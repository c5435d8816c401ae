import { List, ListItem, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../../lib/api-client';

/** The error of a write, as the API worded it: message, then the gate's reasons (what is still missing). */
export function ApiErrorBar({ error }: { error: unknown }) {
  const { t } = useTranslation('workflow');
  if (!error) return null;
  const e = error instanceof ApiRequestError ? error : undefined;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {e && e.reasons.length > 0 && <MessageBarTitle>{t('notPossible')}</MessageBarTitle>}
        {e && e.reasons.length > 0 ? (
          <List>
            {e.reasons.map((r) => (
              <ListItem key={r.code}>{r.message}</ListItem>
            ))}
          </List>
        ) : (
          (error as Error).message
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The message of one field's error (400 answers name fields by path), for a Field's validationMessage. */
export const fieldError = (error: unknown, path: string): string | undefined =>
  error instanceof ApiRequestError ? error.fields.find((f) => f.path === path)?.message : undefined;
