import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A "Remove" button that asks first, in a modal dialog (Teams tabs cannot use window.confirm). The accessible
 * name says what is removed, so a list of such buttons stays distinguishable for screen readers.
 */
export function ConfirmRemove({
  what,
  disabled,
  onConfirm,
}: {
  what: string;
  disabled: boolean;
  onConfirm(): void;
}) {
  const { t } = useTranslation('workflow');
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle" size="small" disabled={disabled} aria-label={t('removeNamed', { what })}>
          {t('remove')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('removeNamed', { what })}</DialogTitle>
          <DialogContent>{t('removeConfirm')}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('cancel')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {t('remove')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
