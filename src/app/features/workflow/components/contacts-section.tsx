import {
  Card,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { InternshipView, PersonView } from '../../../../domain/views';

interface Contact {
  role: string;
  name: string;
  email?: string;
  phone?: string;
  /** Colleagues in the organisation can be reached in a Teams chat; the school supervisor cannot. */
  colleague: boolean;
}

/** Whom to ask (toolbox C4: the intern knows who is who): every person of the internship and how to reach them. */
export function ContactsSection({ internship: i }: { internship: InternshipView }) {
  const { t } = useTranslation('workflow');
  // The role names are the internship header's (first-screen texts), so both always say the same.
  const { t: role } = useTranslation('internships');
  const person = (role: string, p: PersonView | undefined, colleague = true): Contact[] =>
    p ? [{ role, name: p.name, ...(p.email ? { email: p.email } : {}), colleague }] : [];
  const contacts: Contact[] = [
    ...person(role('intern'), i.intern, false),
    ...person(role('mentor'), i.mentor),
    ...person(role('backup'), i.backup),
    ...person(role('coordinator'), i.coordinator),
    ...person(role('serviceHead'), i.serviceHead),
    ...(i.schoolSupervisor
      ? [
          {
            role: role('schoolSupervisor'),
            name: i.schoolSupervisor.name,
            ...(i.schoolSupervisor.email ? { email: i.schoolSupervisor.email } : {}),
            ...(i.schoolSupervisor.phone ? { phone: i.schoolSupervisor.phone } : {}),
            colleague: false,
          },
        ]
      : []),
  ];
  return (
    <Card>
      <Text as="h2" size={500} weight="semibold" id="contacts-title">
        {t('contactsTitle')}
      </Text>
      <Table size="small" aria-labelledby="contacts-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('contactRole')}</TableHeaderCell>
            <TableHeaderCell>{t('contactName')}</TableHeaderCell>
            <TableHeaderCell>{t('contactReach')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {contacts.map((c) => (
            <TableRow key={`${c.role}:${c.name}`}>
              <TableCell>{c.role}</TableCell>
              <TableCell>{c.name}</TableCell>
              <TableCell>
                {c.email && (
                  <Link
                    href={`mailto:${encodeURIComponent(c.email)}`}
                    aria-label={t('mailTo', { name: c.name })}
                  >
                    {c.email}
                  </Link>
                )}
                {c.email && c.colleague && (
                  <>
                    {' · '}
                    <Link
                      href={`https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(c.email)}`}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t('chatWith', { name: c.name })}
                    >
                      {t('chat')}
                    </Link>
                  </>
                )}
                {c.phone && (
                  <>
                    {c.email ? ' · ' : ''}
                    <Link
                      href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}
                      aria-label={t('callTo', { name: c.name })}
                    >
                      {c.phone}
                    </Link>
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
