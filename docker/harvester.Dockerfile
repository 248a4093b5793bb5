# Hợp Lưu harvester. Build from the repository root:
#   docker build -f docker/harvester.Dockerfile -t hop-luu/harvester .
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY config ./config
COPY libs ./libs
COPY apps ./apps
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production BIND_ADDRESS=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:3001/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# 4 MiB semi-spaces: V8 otherwise grows its young generation to 32 MiB under a harvest's
# allocation rate while under 2 MiB of it is live (bench/README.md, same CPU time).
CMD ["node", "--max-semi-space-size=4", "dist/apps/harvester/src/main.js"]
