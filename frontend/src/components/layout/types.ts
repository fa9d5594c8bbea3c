/** What the app shell needs to know about the signed-in person. */
export type ShellUser = {
  email: string;
  fullName: string | null;
  isSuperuser: boolean;
};

export function displayName(user: Pick<ShellUser, "email" | "fullName">): string {
  return user.fullName?.trim() || user.email;
}
