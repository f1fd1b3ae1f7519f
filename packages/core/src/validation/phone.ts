/** A permissive phone number: digits with the usual separators, optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()\-.]{4,22}[0-9]$/;
