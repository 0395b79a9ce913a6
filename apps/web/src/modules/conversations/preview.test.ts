import { describe, expect, it } from 'vitest';
import type { MessageSender } from '@bevatel/protocol';
import { contact, message } from '../../test/factories';
import { previewAuthor } from './preview';

const ME = 7;
const agentSender = (id: number, name: string): MessageSender => ({
  ...contact({ id, name }),
  available_name: name,
  type: 'user',
});

describe('previewAuthor', () => {
  it('says "you" only for the reader’s own replies', () => {
    const mine = message({ message_type: 1, sender: agentSender(ME, 'Me'), sender_id: ME });
    const omar = message({ message_type: 1, sender: agentSender(8, 'Omar'), sender_id: 8 });
    expect(previewAuthor(mine, ME)).toEqual({ kind: 'you' });
    expect(previewAuthor(omar, ME)).toEqual({ kind: 'agent', name: 'Omar' });
  });

  it('names the author of a private note', () => {
    const mine = message({ message_type: 1, private: true, sender: agentSender(ME, 'Me') });
    const omar = message({ message_type: 1, private: true, sender: agentSender(8, 'Omar') });
    const nobody = message({ message_type: 1, private: true, sender: null });
    expect(previewAuthor(mine, ME)).toEqual({ kind: 'your-note' });
    expect(previewAuthor(omar, ME)).toEqual({ kind: 'note', name: 'Omar' });
    expect(previewAuthor(nobody, ME)).toEqual({ kind: 'note', name: null });
  });

  it('gives customers’ messages and senderless replies no prefix', () => {
    expect(previewAuthor(message({ message_type: 0 }), ME)).toEqual({ kind: 'none' });
    expect(previewAuthor(message({ message_type: 1, sender: null }), ME)).toEqual({
      kind: 'none',
    });
  });
});
