/** The bearer-token check: a static token, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * A checker for `Authorization` header values. Both sides are hashed first, so the comparison
 * takes the same time whatever the length or content of the guess.
 */
export function bearerChecker(token: string): (authorization: string | undefined) => boolean {
  if (token === '') throw new TypeError('The bearer token must not be empty; leave it unset to turn auth off.');
  const expected = createHash('sha256').update(token).digest();
  return (authorization) => {
    const match = /^Bearer +(.+)$/i.exec(authorization ?? '');
    const given = createHash('sha256')
      .update(match ? match[1]!.trim() : '')
      .digest();
    return timingSafeEqual(given, expected) && match !== null;
  };
}
