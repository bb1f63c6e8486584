# Run from the repository root after one build: ./mvnw -B package -DskipTests
export PATH="$PWD/acpctl/bin:$PATH"

# 1. Start the suite on this machine: token server, credential API and control plane, on 127.0.0.1 only.
acpctl up

# 2. Log in as a local development user who administers the project "demo".
acpctl login --project demo

# 3. Store your GitHub token. acpctl reads it from stdin (paste it, press Enter, then Ctrl-D), never from the
#    command line. Set GITHUB_API_URL only for GitHub Enterprise; it defaults to https://api.github.com.
credential=$(acpctl credential create my-github --provider github --url "${GITHUB_API_URL:-https://api.github.com}" --token-stdin -o yaml | sed -n 's/^id: //p')

# 4. Bind the credential to the project.
acpctl credential bind "$credential" --project demo

# 5. Start a session and wait until its GitHub sidecar holds the credential.
acpctl session create demo --project demo
acpctl session wait demo

# 6. Paste this into your MCP client's configuration (Claude Code, Cursor, VS Code, ...): the sidecar's URL only.
acpctl session mcp-config demo

# 7. Stop the session: its sidecar stops and the token server mints no more tokens for it.
acpctl session stop demo

# 8. Stop the suite. Credentials and sessions stay in ~/.ambient for the next acpctl up.
acpctl down
