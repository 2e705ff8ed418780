import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChatMarkdown } from "@/components/meeting/panels/chat-markdown";

const render = (text: string) => renderToStaticMarkup(createElement(ChatMarkdown, { text }));

describe("ChatMarkdown", () => {
  it("renders bold, italics, code, lists and strikethrough", () => {
    const html = render("**bold** _it_ `x<y`\n\n- one\n- two\n\n1. first\n\n~~gone~~");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>it</em>");
    expect(html).toMatch(/<code[^>]*>x&lt;y<\/code>/);
    expect(html).toMatch(/<ul[^>]*>\s*<li>one<\/li>/);
    expect(html).toMatch(/<ol[^>]*>\s*<li>first<\/li>/);
    expect(html).toContain("<del>gone</del>");
  });

  it("shows raw HTML as text and never as markup", () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> and <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("opens links in a new tab without handing over the opener or the referrer", () => {
    const html = render("[docs](https://example.com/a) and https://example.org");
    expect(html).toContain('<a href="https://example.com/a" target="_blank" rel="noopener noreferrer"');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer"');
  });

  it("drops unsafe link targets, images and headings' markup", () => {
    const html = render("[x](javascript:alert(1))\n\n![pixel](https://tracker.example/p.gif)\n\n# Big");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<h1");
    expect(html).toContain("Big");
  });
});
