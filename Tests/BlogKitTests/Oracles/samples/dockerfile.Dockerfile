# syntax=docker/dockerfile:1.7
# Multi-stage build for a Node.js API, from "Smaller, faster images".

ARG NODE_VERSION=20.12
ARG ALPINE_VERSION=3.19

############################
# Stage 1: install deps
############################
FROM node:${NODE_VERSION}-alpine${ALPINE_VERSION} AS deps
WORKDIR /app

# Only copy manifests first so this layer is cached between builds.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --ignore-scripts

############################
# Stage 2: build
############################
FROM node:${NODE_VERSION}-alpine${ALPINE_VERSION} AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY src/ ./src/
RUN npm run build \
 && npm prune --omit=dev \
 && find dist -name '*.map' -delete

############################
# Stage 3: test (optional target)
############################
FROM build AS test
ENV CI=true \
    NODE_ENV=test
RUN npm test -- --reporter=dot

############################
# Stage 4: runtime
############################
FROM alpine:${ALPINE_VERSION} AS runtime

ARG APP_VERSION="0.0.0-dev"
ARG BUILD_DATE
LABEL org.opencontainers.image.title="blog-api" \
      org.opencontainers.image.version="${APP_VERSION}" \
      org.opencontainers.image.created="${BUILD_DATE}" \
      org.opencontainers.image.source="https://github.com/example/blog-api"

RUN apk add --no-cache nodejs tini curl \
    && addgroup -S app -g 10001 \
    && adduser -S app -u 10001 -G app -h /app

WORKDIR /app
ENV NODE_ENV=production \
    PORT=8080 \
    NODE_OPTIONS="--max-old-space-size=256 --enable-source-maps"

COPY --from=deps --chown=app:app /app/node_modules ./node_modules
COPY --from=build --chown=app:app /app/dist ./dist
COPY --chown=app:app package.json ./

# Write a tiny healthcheck script (a plain RUN keeps older builders happy).
RUN printf '#!/bin/sh\ncurl -fsS "http://127.0.0.1:${PORT:-8080}/healthz" >/dev/null || exit 1\n' \
      > /usr/local/bin/healthcheck \
    && chmod 0755 /usr/local/bin/healthcheck

USER app:app
EXPOSE 8080/tcp
VOLUME ["/app/data"]

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["/usr/local/bin/healthcheck"]

STOPSIGNAL SIGTERM
ONBUILD RUN echo "derived images inherit this hook"
SHELL ["/bin/sh", "-eo", "pipefail", "-c"]
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["node", "dist/server.js"]
