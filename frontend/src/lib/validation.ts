import { z } from "zod";

// These mirror the server's rules so forms can say what is wrong while the user types;
// the server stays the authority and its message is shown when it disagrees.
export const EMAIL_MAX_LENGTH = 255;
export const FULL_NAME_MAX_LENGTH = 255;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const emailSchema = z
  .string()
  .trim()
  .min(1, "Email is required")
  .max(EMAIL_MAX_LENGTH, `Email must be at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email("Enter a valid email address"));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .regex(/\p{L}/u, "Password must contain at least one letter")
  .regex(/[^\p{L}\s]/u, "Password must contain at least one digit or symbol");

export const fullNameSchema = z
  .string()
  .trim()
  .max(FULL_NAME_MAX_LENGTH, `Full name must be at most ${FULL_NAME_MAX_LENGTH} characters`);

export const PASSWORD_RULES_HINT = `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, with a letter and a digit or symbol.`;

export const CONFIRM_PASSWORD_MISMATCH = "Passwords do not match";

/** Empty strings from optional inputs become null so the server clears the value. */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Whether a route parameter can be an id at all: one that cannot is as missing as a deleted row. */
export const isUuid = (value: string) => z.uuid().safeParse(value).success;
