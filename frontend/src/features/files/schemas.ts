import { z } from "zod";

// The server sanitises names the same way on upload and rename and stays the authority;
// these rules catch what it would refuse before the request is sent.
export const FILENAME_MAX_LENGTH = 255;

export const filenameSchema = z
  .string()
  .trim()
  .min(1, "Enter a file name")
  .max(FILENAME_MAX_LENGTH, `A file name can be at most ${FILENAME_MAX_LENGTH} characters`)
  .refine((name) => !/[/\\]/.test(name), "A file name cannot contain / or \\")
  .refine((name) => name !== "." && name !== "..", "Choose a real file name");
