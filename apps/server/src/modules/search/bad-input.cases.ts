import { SQL_LOOKING, type BadInputCase } from '../../test/bad-input';
import { ACCOUNT } from '../../test/routes';

const SEARCH = `${ACCOUNT}/search`;

export const searchBadInputCases: BadInputCase[] = [
  ...(
    [
      ['no q', '', 'q'],
      ['q empty', 'q=', 'q'],
      ['q only spaces', 'q=%20%20%20', 'q'],
      ['q longer than 200', `q=${'x'.repeat(201)}`, 'q'],
      ['q with a NUL', 'q=a%00b', 'q'],
    ] as const
  ).map(([note, query, field]): BadInputCase => ({
    method: 'GET',
    route: SEARCH,
    note,
    input: () => ({ query }),
    expect: 422,
    field,
  })),
  {
    method: 'GET',
    route: SEARCH,
    // Other cases store this text verbatim, so it may be found: literally, changing nothing.
    note: 'SQL-looking search is a literal search and changes nothing',
    input: () => ({ query: `q=${encodeURIComponent(SQL_LOOKING)}` }),
    expect: 200,
    verify: (res) => {
      const { payload } = res.json();
      const literal = (text: string | null) => (text ?? '').includes(SQL_LOOKING);
      const messages = payload.messages as { content: string | null }[];
      const contacts = payload.contacts as { name: string | null; email: string | null }[];
      if (!messages.every((m) => literal(m.content))) throw new Error('a message matched wrongly');
      if (!contacts.every((c) => literal(c.name) || literal(c.email))) {
        throw new Error('a contact matched wrongly');
      }
    },
  },
  {
    method: 'GET',
    route: SEARCH,
    note: 'LIKE wildcards are taken literally',
    input: () => ({ query: 'q=%25_%25' }),
    expect: 200,
    verify: (res) => {
      if (res.json().payload.messages.length !== 0) throw new Error('a wildcard matched');
    },
  },
];
