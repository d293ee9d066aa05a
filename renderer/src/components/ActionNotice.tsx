/** The one-line outcome of an action a view ran (an export, a copy): its tone decides how it is announced. */

export type Outcome = { tone: 'busy' | 'success' | 'error' | 'info'; text: string };

/** One status line: progress politely announced, a failure as an alert. */
export function ActionNotice({ tone, text, testId }: Outcome & { testId?: string }) {
  return (
    <div
      className={`notice view-notice ${tone === 'error' ? 'notice-error' : tone === 'success' ? 'notice-success' : ''}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
      data-tone={tone}
    >
      {text}
    </div>
  );
}
