// Base64 of UTF-8 text, for the tokens and assertions identity providers hand out: the platform's
// btoa/atob only take Latin-1, and Buffer is Node's, which the layers below the shell do not use.

export function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The text, or undefined when it is not base64 of UTF-8. */
export function decodeBase64(base64: string): string | undefined {
  try {
    const binary = atob(base64.trim());
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}

/** The URL-safe alphabet without padding, as JWTs use it (RFC 7515). */
export function encodeBase64url(text: string): string {
  return encodeBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeBase64url(text: string): string | undefined {
  return decodeBase64(text.replace(/-/g, '+').replace(/_/g, '/'));
}
