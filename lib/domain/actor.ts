/** The signed-in person a request acts for, as the session describes them. */
export type AppRole = "admin" | "employee";

export type Actor = {
  id: string;
  name: string;
  email: string | null;
  role: AppRole;
};
