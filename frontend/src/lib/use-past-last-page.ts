import { useEffect, useEffectEvent } from "react";

type PastLastPageOptions = {
  page: number;
  pageSize: number;
  /** The list's total, once known. */
  count: number | undefined;
  /** False while a placeholder (the previous page) is shown instead of this page's answer. */
  settled: boolean;
  onPageChange: (page: number) => void;
};

/**
 * A stale link, or deleting the last item of the last page, lands past the end of a paged list:
 * step back to the last page. Returns true while the page is past the end.
 */
export function usePastLastPage({
  page,
  pageSize,
  count,
  settled,
  onPageChange,
}: PastLastPageOptions): boolean {
  const lastPage = count === undefined ? 1 : Math.max(1, Math.ceil(count / pageSize));
  const pastTheEnd = count !== undefined && settled && page > lastPage;

  const goToLastPage = useEffectEvent(() => onPageChange(lastPage));
  useEffect(() => {
    if (pastTheEnd) goToLastPage();
  }, [pastTheEnd]);

  return pastTheEnd;
}
