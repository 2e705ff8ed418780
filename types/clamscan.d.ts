/** The part of clamscan (kylefarris/clamscan, untyped) that lib/server/files/scan-for-malware.ts uses. */
declare module "clamscan" {
  type ClamdOptions = { socket?: string | false; host?: string | false; port?: number | false; timeout?: number; localFallback?: boolean; bypassTest?: boolean };
  type InitOptions = { removeInfected?: boolean; debugMode?: boolean; clamscan?: { active?: boolean }; clamdscan?: ClamdOptions; preference?: "clamdscan" | "clamscan" };
  type ScanResult = { file: string; isInfected: boolean | null; viruses: string[] };
  interface Scanner {
    isInfected(path: string): Promise<ScanResult>;
  }
  export default class NodeClam {
    init(options?: InitOptions): Promise<Scanner>;
  }
}
