import type { ComponentProps } from "react";
import Markdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Chat messages are Markdown reduced to what a chat needs. Raw HTML is never rendered (react-markdown escapes
 * it, so `<script>` shows as text), images are dropped (a remote image would tell its server who read the
 * chat), headings and tables are unwrapped to plain text, and link URLs go through react-markdown's default
 * transform, which blanks `javascript:` and other unsafe schemes.
 */
const allowedElements = ["p", "br", "strong", "em", "del", "code", "pre", "ul", "ol", "li", "a", "blockquote"];

function ChatLink({ href, children }: ComponentProps<"a">) {
  if (!href) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="font-medium text-link underline underline-offset-2 hover:text-link-hover">
      {children}
    </a>
  );
}

const components: Components = {
  a: ({ href, children }) => <ChatLink href={href}>{children}</ChatLink>,
  p: ({ children }) => <p className="whitespace-pre-wrap break-words">{children}</p>,
  ul: ({ children }) => <ul className="list-disc space-y-0.5 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-0.5 pl-5">{children}</ol>,
  code: ({ children }) => <code className="rounded bg-surface-muted px-1 py-0.5 font-mono text-[0.85em] text-fg">{children}</code>,
  pre: ({ children }) => <pre className="overflow-x-auto rounded bg-surface-muted p-2 [&>code]:bg-transparent [&>code]:p-0">{children}</pre>,
  blockquote: ({ children }) => <blockquote className="border-l-2 border-line-strong pl-2 text-fg-muted">{children}</blockquote>,
};

export function ChatMarkdown({ text }: { text: string }) {
  return (
    <div className="space-y-1 text-sm leading-relaxed text-fg">
      <Markdown remarkPlugins={[remarkGfm]} allowedElements={allowedElements} unwrapDisallowed components={components}>
        {text}
      </Markdown>
    </div>
  );
}
