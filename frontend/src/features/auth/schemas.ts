import { z } from "zod";
import {
  CONFIRM_PASSWORD_MISMATCH,
  emailSchema,
  fullNameSchema,
  passwordSchema,
} from "@/lib/validation";

export const loginSchema = z.object({
  email: emailSchema,
  // Existing passwords may predate today's rules: only require one.
  password: z.string().min(1, "Password is required"),
});
export type LoginValues = z.infer<typeof loginSchema>;

export const signupSchema = z
  .object({
    full_name: fullNameSchema,
    email: emailSchema,
    password: passwordSchema,
    confirm_password: z.string().min(1, "Confirm your password"),
  })
  .refine((values) => values.password === values.confirm_password, {
    message: CONFIRM_PASSWORD_MISMATCH,
    path: ["confirm_password"],
    // Report a mismatch even while the password itself is still too weak.
    when: () => true,
  });
export type SignupValues = z.infer<typeof signupSchema>;

export const recoverSchema = z.object({ email: emailSchema });
export type RecoverValues = z.infer<typeof recoverSchema>;

export const resetSchema = z
  .object({
    new_password: passwordSchema,
    confirm_password: z.string().min(1, "Confirm your password"),
  })
  .refine((values) => values.new_password === values.confirm_password, {
    message: CONFIRM_PASSWORD_MISMATCH,
    path: ["confirm_password"],
    // Report a mismatch even while the password itself is still too weak.
    when: () => true,
  });
export type ResetValues = z.infer<typeof resetSchema>;
