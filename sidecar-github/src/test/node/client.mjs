// Usage: node client.mjs <streamable|sse> <url>
// Connects with the official MCP TypeScript SDK, lists the tools, calls get_me, prints one JSON line.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";

const [mode, url] = process.argv.slice(2);
const transport = mode === "sse"
  ? new SSEClientTransport(new URL(url))
  : new StreamableHTTPClientTransport(new URL(url));
const client = new Client({ name: "sidecar-github-test", version: "0.0.0" });

const timer = setTimeout(() => { console.error("timed out"); process.exit(3); }, 30000);
try {
  await client.connect(transport);
  const tools = await client.listTools();
  const me = await client.callTool({ name: "get_me", arguments: {} });
  console.log(JSON.stringify({
    server: client.getServerVersion(),
    tools: tools.tools.map(t => ({ name: t.name, annotations: t.annotations })),
    getMe: me,
  }));
  await client.close();
  clearTimeout(timer);
  process.exit(0);
} catch (e) {
  console.error(String(e && e.message ? e.message : e));
  process.exit(2);
}
