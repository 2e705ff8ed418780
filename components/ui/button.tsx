import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary: "bg-primary text-on-primary hover:bg-primary-hover disabled:bg-fill-disabled",
  secondary: "border border-line-strong bg-surface text-fg hover:bg-surface-muted disabled:text-fg-disabled",
  danger: "bg-danger text-on-danger hover:bg-danger-hover disabled:bg-fill-disabled",
  ghost: "text-fg-muted hover:bg-surface-muted",
} as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClasses(variant: ButtonVariant = "primary", extra = ""): string {
  return `inline-flex items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed ${variants[variant]} ${extra}`;
}

export function Button({ variant = "primary", className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
