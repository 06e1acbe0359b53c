'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { userKeys } from '@/lib/queries/users';
import type { UserView } from '@/lib/schemas/user';

/** A change to one user: the list shows the server's answer at once, then reads the server again. */
export function useUserMutation<V>(mutationFn: (variables: V) => Promise<UserView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (user) => {
      queryClient.setQueryData<UserView[]>(userKeys.list(), (items) => items?.map((item) => (item.id === user.id ? user : item)));
      void queryClient.invalidateQueries({ queryKey: userKeys.list() });
    },
    onError: (error) => {
      // Changed meanwhile by someone else: show what is true now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) void queryClient.invalidateQueries({ queryKey: userKeys.list() });
    },
  });
}
