import type * as S3 from '@aws-sdk/client-s3';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { StoredObjectMissing, type AttachmentStorage } from './storage';

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, R2…): for several server processes. */
export interface S3Settings {
  bucket: string;
  region: string;
  /** Empty for AWS itself; e.g. `http://127.0.0.1:9000` for MinIO. */
  endpoint: string | null;
  /** Path-style addressing (`endpoint/bucket/key`), which most non-AWS servers need. */
  forcePathStyle: boolean;
  /** Null: the SDK's own chain (environment, instance role…). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  /** Prepended to every key, so one bucket can hold several deployments. */
  prefix: string;
}

type S3Sdk = typeof S3;

/** Loaded on first use: deployments on disk storage never load the SDK (a large module tree). */
const loadSdk = (): S3Sdk => createRequire(import.meta.url)('@aws-sdk/client-s3') as S3Sdk;

export function s3Storage(settings: S3Settings): AttachmentStorage {
  const { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } =
    loadSdk();
  const client = new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
  const Bucket = settings.bucket;
  const keyOf = (key: string) => `${settings.prefix}${key}`;
  return {
    kind: 's3',
    async put(key, body, contentType) {
      // PutObject answers once the object is stored: the same promise the disk backend gives.
      await client.send(
        new PutObjectCommand({ Bucket, Key: keyOf(key), Body: body, ContentType: contentType }),
      );
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        const body = answer.Body;
        if (body instanceof Readable) return body;
        if (body && 'transformToByteArray' in body) {
          return Readable.from(Buffer.from(await body.transformToByteArray()));
        }
        throw new StoredObjectMissing(key);
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') {
          throw new StoredObjectMissing(key);
        }
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
    async close() {
      client.destroy();
    },
  };
}
