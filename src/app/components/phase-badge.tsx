import { Badge } from '@fluentui/react-components';
import type { Locale } from '../../domain/i18n';
import type { Phase } from '../../domain/internship';
import { PHASE_NAMES } from '../../domain/phases';

const COLOR: Record<
  Phase,
  'informative' | 'brand' | 'warning' | 'success' | 'important' | 'subtle' | 'danger'
> = {
  request: 'informative',
  preparation: 'informative',
  decision: 'warning',
  execution: 'brand',
  evaluation: 'important',
  closed: 'success',
  stopped: 'danger',
};

export function PhaseBadge({ phase, locale }: { phase: Phase; locale: Locale }) {
  return (
    <Badge appearance="tint" color={COLOR[phase]} shape="rounded">
      {PHASE_NAMES[phase][locale]}
    </Badge>
  );
}
