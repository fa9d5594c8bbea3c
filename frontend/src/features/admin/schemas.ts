import { z } from "zod";
import { emailSchema, fullNameSchema, passwordSchema } from "@/lib/validation";

const baseFields = {
  email: emailSchema,
  full_name: fullNameSchema,
  is_active: z.boolean(),
  is_superuser: z.boolean(),
};

export const createUserSchema = z.object({ ...baseFields, password: passwordSchema });

// On edit an empty password keeps the current one.
export const editUserSchema = z.object({
  ...baseFields,
  password: z.string().superRefine((value, ctx) => {
    if (value === "") return;
    const result = passwordSchema.safeParse(value);
    if (!result.success) {
      ctx.addIssue({
        code: "custom",
        message: result.error.issues[0]?.message ?? "Invalid password",
      });
    }
  }),
});

export type UserFormValues = z.infer<typeof createUserSchema>;
