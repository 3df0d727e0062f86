// Who is signed in, and signing in and out (a cookie set by the server).
import { ApiError, api } from "./http";

export interface Account {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  hostOf: string[];
}

export function isStaff(account: Account | undefined): boolean {
  return account !== undefined && (account.roles.includes("admin") || account.roles.includes("host"));
}

export function isAdmin(account: Account | undefined): boolean {
  return account?.roles.includes("admin") ?? false;
}

/** The signed-in account, or undefined when nobody is. */
export async function currentAccount(): Promise<Account | undefined> {
  try {
    return await api<Account>("GET", "api/account");
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return undefined;
    }
    throw error;
  }
}

export function signIn(email: string, password: string, rememberMe: boolean): Promise<Account> {
  return api<Account>("POST", "api/account/sign-in", { email, password, rememberMe });
}

export function signOut(): Promise<void> {
  return api<void>("POST", "api/account/sign-out");
}
