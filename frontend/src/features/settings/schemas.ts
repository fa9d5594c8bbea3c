import { z } from "zod";
import {
  CONFIRM_PASSWORD_MISMATCH,
  emailSchema,
  fullNameSchema,
  passwordSchema,
} from "@/lib/validation";

export const profileSchema = z.object({
  full_name: fullNameSchema,
  email: emailSchema,
});
export type ProfileValues = z.infer<typeof profileSchema>;

export const passwordChangeSchema = z
  .object({
    current_password: z.string().min(1, "Enter your current password"),
    new_password: passwordSchema,
    confirm_password: z.string().min(1, "Confirm your new password"),
  })
  .refine((values) => values.new_password === values.confirm_password, {
    message: CONFIRM_PASSWORD_MISMATCH,
    path: ["confirm_password"],
    // Report a mismatch even while other fields are still invalid.
    when: () => true,
  })
  .refine((values) => values.new_password !== values.current_password, {
    message: "The new password must differ from the current one",
    path: ["new_password"],
    when: () => true,
  });
export type PasswordChangeValues = z.infer<typeof passwordChangeSchema>;
