"use server";
import { redirect } from "next/navigation";
import { signOut } from "@/app/_server/auth/auth";

export async function signOutOfAccount(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/login?notice=signed-out");
}
