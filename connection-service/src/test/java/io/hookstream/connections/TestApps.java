package io.hookstream.connections;

/** App definitions whose requests go to a {@link FakeProvider}. */
final class TestApps {

    /**
     * Every path the apps below sanitize: the bearer token, a query key and a secret in the
     * identity answer.
     */
    static final String SANITIZE =
            """
        ["request.headers.authorization", "request.qs.api_key", "response.body.session_secret"]""";

    private TestApps() {}

    /**
     * An app with a connection ({@code info} learns uid, metadata and extra data; it also sends the
     * app's common secret in a header that log.sanitize does not list), a shared webhook, an
     * attached dedicated webhook ({@code tasks}) and a plain dedicated one ({@code plain}).
     * Connection data: {@code accessToken}, optionally {@code apiKey}.
     */
    static String acme(String providerUrl) {
        return """
            {
              "name": "Acme",
              "common": {"clientSecret": "acme-common-client-secret"},
              "connection": {
                "info": {
                  "url": "%1$s/api/me",
                  "headers": {"Authorization": "Bearer {{connection.accessToken}}", "X-Client": "{{common.clientSecret}}"},
                  "qs": {"api_key": "{{connection.apiKey}}"},
                  "response": {
                    "uid": "{{body.id}}",
                    "metadata": {"type": "email", "value": "{{body.email}}"},
                    "data": {"accountName": "{{body.name}}"},
                    "error": {"message": "{{body.message}}", "type": "AuthError", "401": {"message": "Acme says: {{body.message}}"}}
                  }
                },
                "log": {"sanitize": %2$s}
              },
              "webhooks": {
                "events": {"type": "shared", "spec": {"uid": "{{body.accountId}}"}},
                "tasks": {
                  "type": "dedicated",
                  "spec": {},
                  "attach": {
                    "url": "%1$s/webhooks",
                    "method": "POST",
                    "headers": {"Authorization": "Bearer {{connection.accessToken}}"},
                    "body": {"target": "{{webhook.url}}", "hookstreamId": "{{webhook.id}}", "events": "{{parameters.events}}"},
                    "response": {"data": {"externalHookId": "{{body.id}}"}}
                  },
                  "detach": {
                    "url": "%1$s/webhooks/{{webhook.externalHookId}}",
                    "method": "DELETE",
                    "headers": {"Authorization": "Bearer {{connection.accessToken}}"}
                  }
                },
                "plain": {"type": "dedicated", "spec": {}}
              }
            }"""
                .formatted(providerUrl, SANITIZE);
    }

    /**
     * A second app with the same kind of connection, to check that connections do not cross apps.
     */
    static String other(String providerUrl) {
        return """
            {
              "connection": {
                "info": {"url": "%s/api/me", "headers": {"Authorization": "Bearer {{connection.accessToken}}"},
                         "response": {"uid": "{{body.id}}"}},
                "log": {"sanitize": ["request.headers.authorization"]}
              },
              "webhooks": {"events": {"type": "shared", "spec": {"uid": "{{body.accountId}}"}}}
            }"""
                .formatted(providerUrl);
    }

    /** An app whose info URL is {@code infoUrl}, e.g. a closed port or a slow endpoint. */
    static String infoAt(String infoUrl) {
        return """
            {"connection": {"info": {"url": "%s", "headers": {"Authorization": "Bearer {{connection.accessToken}}"},
                                     "response": {"uid": "{{body.id}}"}},
                            "log": {"sanitize": ["request.headers.authorization"]}}}"""
                .formatted(infoUrl);
    }

    /** An app whose attached webhook registers at {@code attachUrl}. */
    static String attachAt(String attachUrl) {
        return """
            {"webhooks": {"tasks": {"type": "dedicated", "spec": {},
              "attach": {"url": "%s", "method": "POST", "response": {"data": {"externalHookId": "{{body.id}}"}}}}}}"""
                .formatted(attachUrl);
    }
}
