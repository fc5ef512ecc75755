# One image for every Sangathan service; each container picks its process with `command`
# (see docker-compose.yml). The default runs the gateway.
#
#   docker build -t sangathan .
#   docker run --rm -e DATABASE_URL=postgres://…/membership sangathan node services/membership/dist/index.js
#
# Adding a workspace: add its package.json to the `manifests` stage (npm ci fails without it);
# adding a subgraph service: also copy its dist folder into the runtime stage.
# tests/src/docker-compose.test.ts checks both against package.json and the gateway's SUBGRAPHS.

ARG NODE_IMAGE=node:20-bookworm-slim

# What `npm ci` needs: the lock file and every workspace's package.json. Both stages start from
# here, so the dependency layers are rebuilt only when one of these files changes.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY services/common/package.json services/common/
COPY services/membership/package.json services/membership/
COPY services/itcell/package.json services/itcell/
COPY services/training/package.json services/training/
COPY gateway/package.json gateway/
COPY admin/package.json admin/
COPY tests/package.json tests/

# Build: every dependency (typescript included), then tsc, then the console's Vite build. Building the gateway project also builds,
# through its project references, services/common and every subgraph it composes; the root project
# would also build tests/, which the image does not need.
FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig*.json ./
COPY services services
COPY gateway gateway
COPY scripts scripts
RUN npx tsc -b gateway
# The console and the playground: static files the gateway serves at /admin and /playground.
COPY admin admin
RUN npm run build -w admin

# Runtime: production dependencies only, the compiled code, the committed supergraph, and scripts/
# (for `node scripts/seed.js`). Runs as the image's unprivileged `node` user.
FROM manifests AS runtime
ENV NODE_ENV=production
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/services/common/dist services/common/dist
COPY --from=build /app/services/membership/dist services/membership/dist
COPY --from=build /app/services/itcell/dist services/itcell/dist
COPY --from=build /app/services/training/dist services/training/dist
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/admin/dist admin/dist
COPY gateway/supergraph.graphql gateway/
COPY scripts scripts
# The auth-keys volume (docker-compose.yml) mounts here; a new named volume takes this owner.
RUN mkdir -p /app/.data/auth && chown -R node:node /app/.data
# The subgraphs listen on every interface of the container (the gateway reaches them over the compose
# network; compose publishes only the gateway's port). Outside Docker they listen on 127.0.0.1 by default.
ENV LISTEN_HOST=0.0.0.0
USER node
CMD ["node", "gateway/dist/main.js"]
