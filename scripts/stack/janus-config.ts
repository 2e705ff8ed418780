import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const JANUS_BINARY = "/usr/bin/janus";
/** What Janus prints once its WebSocket API accepts connections. */
export const JANUS_READY_LINE = /WebSockets thread started/;

/** Janus's command line for a folder written by writeJanusConfig. */
export const janusArgs = (folder: string) => ["--configs-folder", folder, "--config", `${folder}/janus.jcfg`, "--disable-colors"];
const LIBRARY_ROOT = "/usr/lib/x86_64-linux-gnu/janus";

export type JanusConfigOptions = {
  /** Folder the configuration is written to (never /etc/janus: its defaults enable every plugin and a known admin secret). */
  folder: string;
  /** WebSocket port of the Janus API (browsers and the app server). */
  wsPort: number;
  /** UDP range for media. */
  rtpPorts: [number, number];
  /** HMAC secret of the signed tokens every request must carry (lib/sfu/janus-token.ts). */
  tokenSecret: string;
  /** The videoroom's admin key: only the app server may create and destroy rooms. */
  adminKey: string;
  /** Where the WebSocket server listens: loopback for dev and tests. */
  bindIp: string;
  /** Address written into SDP (production: the public IP; see docs/sfu.md). */
  publicIp?: string;
};

/**
 * Janus's configuration for Confer: the core with signed-token auth, only the WebSocket transport and only the
 * videoroom plugin, logs on stdout. Everything else Janus ships stays disabled.
 */
export function writeJanusConfig(options: JanusConfigOptions): string {
  mkdirSync(options.folder, { recursive: true });
  const [minRtp, maxRtp] = options.rtpPorts;
  const files: Record<string, string> = {
    "janus.jcfg": `
general: {
  configs_folder = "${options.folder}"
  plugins_folder = "${LIBRARY_ROOT}/plugins"
  transports_folder = "${LIBRARY_ROOT}/transports"
  events_folder = "${LIBRARY_ROOT}/events"
  loggers_folder = "${LIBRARY_ROOT}/loggers"
  log_to_stdout = true
  debug_level = 4
  debug_timestamps = true
  server_name = "Confer SFU"
  session_timeout = 60
  token_auth = true
  token_auth_secret = "${options.tokenSecret}"
  hide_dependencies = true
  protected_folders = ["/bin", "/boot", "/dev", "/etc", "/initrd", "/lib", "/lib32", "/lib64", "/proc", "/sbin", "/sys", "/usr", "/var"]
}
media: {
  rtp_port_range = "${minRtp}-${maxRtp}"
  dtls_timeout = 500
}
nat: {
  full_trickle = true
  ignore_mdns = true
  ${options.publicIp ? `nat_1_1_mapping = "${options.publicIp}"` : ""}
}
plugins: {
  disable = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so"
}
transports: {
  disable = "libjanus_http.so,libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so"
}
events: {
  broadcast = false
  disable = "libjanus_gelfevh.so,libjanus_mqttevh.so,libjanus_nanomsgevh.so,libjanus_rabbitmqevh.so,libjanus_sampleevh.so,libjanus_wsevh.so"
}
loggers: {
  disable = "libjanus_jsonlog.so"
}
`,
    "janus.transport.websockets.jcfg": `
general: {
  json = "plain"
  ws = true
  ws_port = ${options.wsPort}
  ws_ip = "${options.bindIp}"
  wss = false
}
admin: {
  admin_ws = false
  admin_wss = false
}
`,
    "janus.plugin.videoroom.jcfg": `
general: {
  admin_key = "${options.adminKey}"
  lock_rtp_forward = true
  string_ids = true
}
`,
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(options.folder, name), content.trimStart(), { mode: 0o600 });
  return options.folder;
}
