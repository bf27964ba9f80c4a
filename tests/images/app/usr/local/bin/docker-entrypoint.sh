#!/bin/sh
# The shape of many images' entrypoints: edit the service's configuration
# from the environment with sed -i, then run the command.
set -e
sed -i "s/^\(\s*worker_processes\).*/\1 ${NGINX_WORKERS:-1};/" /etc/nginx/nginx.conf
exec "$@"
