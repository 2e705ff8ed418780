import type { ReactNode } from "react";

/** The header row of an admin table; a column may be labelled for screen readers only (e.g. row actions). */
export function TableHead({ columns }: { columns: readonly (string | { srOnly: string })[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const label: ReactNode = typeof column === "string" ? column : <span className="sr-only">{column.srOnly}</span>;
          const key = typeof column === "string" ? column : column.srOnly;
          return (
            <th key={key} scope="col" className="border-b border-line px-3 py-2 text-left font-medium">
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
