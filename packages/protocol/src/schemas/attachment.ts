/**
 * A message's attachment, in a file of its own: entities.ts and web-widget.ts both use it, and
 * entities.ts imports web-widget.ts (an import cycle left AttachmentSchema uninitialised when
 * Node loaded web-widget.ts first, and the server process did not start).
 */
import { Type } from 'typebox';
import { ATTACHMENT_FILE_TYPES } from '../enums';
import { Int, NullableInt, NullableStr, OneOf, Str } from './build';

export const AttachmentSchema = Type.Object({
  id: Int(),
  message_id: Int(),
  file_type: OneOf(ATTACHMENT_FILE_TYPES),
  account_id: Int(),
  extension: NullableStr(),
  file_name: Str(),
  data_url: Str(),
  thumb_url: Str(),
  file_size: Int(),
  width: NullableInt(),
  height: NullableInt(),
});
