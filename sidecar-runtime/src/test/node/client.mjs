// Usage: node client.mjs <streamable|sse> <url> <tool> [<arguments as JSON>]
// Connects with the official MCP TypeScript SDK, lists the tools, calls one tool, prints one JSON line:
// {"server": {...}, "tools": [{name, annotations}], "call": <CallToolResult>}.
// Shared by every sidecar's SDK test (one pinned SDK, one lockfile).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const [mode, url, tool, args] = process.argv.slice(2);
if (!mode || !url || !tool) {
  console.error("usage: node client.mjs <streamable|sse> <url> <tool> [<arguments as JSON>]");
  process.exit(64);
}
const transport = mode === "sse"
  ? new SSEClientTransport(new URL(url))
  : new StreamableHTTPClientTransport(new URL(url));
const client = new Client({ name: "ambient-sidecar-test", version: "0.0.0" });

const timer = setTimeout(() => { console.error("timed out"); process.exit(3); }, 30000);
try {
  await client.connect(transport);
  const tools = await client.listTools();
  const call = await client.callTool({ name: tool, arguments: args ? JSON.parse(args) : {} });
  console.log(JSON.stringify({
    server: client.getServerVersion(),
    tools: tools.tools.map(t => ({ name: t.name, annotations: t.annotations })),
    call,
  }));
  await client.close();
  clearTimeout(timer);
  process.exit(0);
} catch (e) {
  console.error(String(e && e.message ? e.message : e));
  process.exit(2);
}
