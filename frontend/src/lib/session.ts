import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import { clearAccessToken } from "./auth-token";

/** Ends the session: forget the token, leave the app, then drop everything cached for this user. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  return useCallback(async () => {
    clearAccessToken();
    await navigate({ to: "/login" });
    queryClient.clear();
  }, [navigate, queryClient]);
}
