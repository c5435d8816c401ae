import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading and error states of a query, the same on every screen; renders children with the data. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Spinner size="small" label={t('shell.loading')} />;
  if (query.isError)
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          {/* A sign-in error from MSAL is not localised; the consent case is the one a user can act on. */}
          {query.error.name === 'ConsentRequiredError' ? t('shell.consentMissing') : query.error.message}
        </MessageBarBody>
      </MessageBar>
    );
  return <>{children(query.data)}</>;
}
