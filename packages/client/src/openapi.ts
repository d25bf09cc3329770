/**
 * Generated from openapi.json by openapi-typescript: do not edit. `pnpm openapi:write` remakes it
 * with the document, and a test fails when the two drift apart.
 */

export interface paths {
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a new user */
        post: operations["CreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: operations["Login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["GetCurrentUser"];
        /** Update the signed-in user; omitted fields stay unchanged */
        put: operations["UpdateCurrentUser"];
        post?: never;
        /** Erase your account, confirming with its password: your articles (with their comments), comments, favorites, follows, sessions and jobs go; your username and email are free again */
        delete: operations["DeleteCurrentUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your sessions that have not ended, most recently used first; the one of this request is marked `current` */
        get: operations["GetSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions (this one included): its tokens are refused from the next request on */
        delete: operations["DeleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this session, or every session with `?all=true` (no body needed) */
        post: operations["Logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{username}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Lock an account (admins, on users who are not admins): it cannot sign in, every session ends, its content stays */
        put: operations["LockAccount"];
        post?: never;
        /** Unlock an account: it may sign in again (its ended sessions stay ended) */
        delete: operations["UnlockAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{username}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End every session of a user (admins, on users who are not admins): each of their tokens is refused from now on */
        delete: operations["DeleteUserSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every flag of this publication: its value, its default, who set it, when and why (admins) */
        get: operations["ListFlags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/flags/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest changes of this publication's flags, newest first (admins) */
        get: operations["ListFlagChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/flags/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a flag for this publication, or for one article: seen by every server from its next request (admins) */
        put: operations["SetFlag"];
        post?: never;
        /** Set a flag back to its default (the environment's), for this publication or one article (admins) */
        delete: operations["UnsetFlag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profiles/{username}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A profile, with whether the viewer follows it */
        get: operations["GetProfileByUsername"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profiles/{username}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow a user (idempotent; no body needed) */
        post: operations["FollowUserByUsername"];
        /** Unfollow a user (idempotent) */
        delete: operations["UnfollowUserByUsername"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles/feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Articles by followed authors, newest first */
        get: operations["GetArticlesFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Articles, newest first; filters combine. List items have no body. */
        get: operations["GetArticles"];
        put?: never;
        /** Write an article; its slug derives from the title */
        post: operations["CreateArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One article */
        get: operations["GetArticle"];
        /** Edit one's own article; omitted fields stay unchanged, a new title gives a new slug */
        put: operations["UpdateArticle"];
        post?: never;
        /** Delete one's own article with its comments and favorites */
        delete: operations["DeleteArticle"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles/{slug}/favorite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Favorite an article (idempotent; no body needed) */
        post: operations["CreateArticleFavorite"];
        /** Unfavorite an article (idempotent) */
        delete: operations["DeleteArticleFavorite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles/{slug}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An article's comments, oldest first */
        get: operations["GetArticleComments"];
        put?: never;
        /** Comment on an article */
        post: operations["CreateArticleComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles/{slug}/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one's own comment */
        delete: operations["DeleteArticleComment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every tag in use, most used first */
        get: operations["GetTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your jobs, newest first */
        get: operations["GetJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A job's status, progress and item errors (its owner and admins; for anyone else it does not exist) */
        get: operations["GetJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Export everything you made (profile, articles, comments, favorites, follows) as a job; no body needed */
        post: operations["CreateAccountExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{jobId}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A finished export's document, for its owner only, for 24 hours after it ended */
        get: operations["GetJobResult"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import many articles as a job: answered at once with 202 and the job to poll
         * @description The body is streamed (its own size limit, IMPORT_BODY_LIMIT_BYTES; 413 beyond it) and each item is checked when the job runs, by the rules of POST /api/articles: an invalid item is listed in the job's errors and the job goes on.
         */
        post: operations["CreateArticleImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/jobs/{jobId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job: what it applied stays; canceling a canceled job is a no-op (no body needed) */
        post: operations["CancelJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/livez": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up; touches no dependency */
        get: operations["Liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ready for traffic: PostgreSQL answers, and the process is not shutting down */
        get: operations["Readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        UserResponse: {
            user: {
                email: string;
                token: string;
                username: string;
                bio: string | null;
                image: string | null;
            };
        };
        Problem: {
            /** @example https://conduit.dev/problems/validation-failed */
            type: string;
            /** @example Validation failed */
            title: string;
            /** @example 422 */
            status: number;
            detail: string;
            /** @example /api/users */
            instance: string;
            /**
             * @description Stable error code, see docs/api.md.
             * @example VALIDATION_FAILED
             */
            code: string;
            /** @example 5f0c3a1e-1d2b-4c47-9d1b-2f8f0f0c1a2b */
            requestId: string;
            /**
             * @description RealWorld field map: field name to messages a person can read. Always present.
             * @example {
             *       "email": [
             *         "can't be blank"
             *       ]
             *     }
             */
            errors: {
                [key: string]: string[];
            };
        };
        NewUserRequest: {
            user: {
                /** @example jake */
                username: string;
                /** @example jake@jake.jake */
                email: string;
                /**
                 * Format: password
                 * @example jakejake
                 */
                password: string;
            };
        };
        LoginUserRequest: {
            user: {
                email: string;
                password: string;
            };
        };
        DeleteUserRequest: {
            user: {
                /** @description The current password of the account. */
                password: string;
            };
        };
        UpdateUserRequest: {
            user: {
                /** @example jake */
                username?: string;
                /** @example jake@jake.jake */
                email?: string;
                /**
                 * Format: password
                 * @description "" leaves the password unchanged; otherwise 8 to 256 characters, not only spaces.
                 */
                password?: string;
                /** @description "" or null clears it. */
                bio?: string | null;
                /**
                 * @description "" or null clears it.
                 * @example https://api.realworld.io/images/smiley-cyrus.jpg
                 */
                image?: string | null;
            };
        };
        SessionsResponse: {
            sessions: components["schemas"]["Session"][];
        };
        Session: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description When the sign-in (or sign-up) that started it happened.
             * @example 2026-11-24T08:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description The last request made in it, to the minute.
             * @example 2026-11-24T08:30:00.000Z
             */
            lastSeenAt: string;
            /**
             * Format: date-time
             * @description Its tokens are refused from then on.
             * @example 2026-11-24T08:30:00.000Z
             */
            expiresAt: string;
            /** @description The `User-Agent` of the sign-in, when it sent one. */
            userAgent: string | null;
            /** @description The client address of the sign-in. */
            address: string | null;
            /** @description The session this request was made in. */
            current: boolean;
        };
        AccountResponse: {
            account: {
                username: string;
                /** @description null when the account is not locked. */
                lock: {
                    /**
                     * @description Who locked it: an operator, or `user:<id>` for an admin.
                     * @example user:1
                     */
                    by: string;
                    /** Format: date-time */
                    at: string;
                    reason: string;
                } | null;
                /** @description Sessions this request ended. */
                sessionsEnded: number;
            };
        };
        LockAccountRequest: {
            lock: {
                /** @description Why: kept with the lock, with who locked it and when. */
                reason: string;
            };
        };
        FlagListResponse: {
            flags: components["schemas"]["Flag"][];
        };
        Flag: {
            /**
             * @description The flag.
             * @example comments
             * @enum {string}
             */
            name: "registration" | "comments" | "imports" | "account-export" | "mcp" | "mcp-writes";
            /**
             * @description What the publication answers: its setting, else the default.
             * @example off
             */
            value: string;
            /**
             * @description The value without a setting (the environment’s).
             * @enum {string}
             */
            default: "on" | "off";
            /** @description Who set the publication’s value, when and why; null: the default. */
            set: {
                /**
                 * @description An operator, or `user:<id>` for an admin.
                 * @example user:1
                 */
                setBy: string;
                /** Format: date-time */
                setAt: string;
                reason: string | null;
            } | null;
            /** @description Articles set apart (`comments`). */
            articles: {
                slug: string;
                /**
                 * @description `on`, `off`, or the share of users it is on for (`10%`).
                 * @example off
                 */
                value: string;
                /**
                 * @description An operator, or `user:<id>` for an admin.
                 * @example user:1
                 */
                setBy: string;
                /** Format: date-time */
                setAt: string;
                reason: string | null;
            }[];
        };
        FlagHistoryResponse: {
            changes: {
                /**
                 * @description The flag.
                 * @example comments
                 * @enum {string}
                 */
                flag: "registration" | "comments" | "imports" | "account-export" | "mcp" | "mcp-writes";
                /**
                 * @description null: set back to its default.
                 * @example off
                 */
                value: string | null;
                article: string | null;
                /**
                 * @description An operator, or `user:<id>` for an admin.
                 * @example user:1
                 */
                setBy: string;
                /** Format: date-time */
                setAt: string;
                reason: string | null;
            }[];
        };
        FlagResponse: {
            flag: components["schemas"]["Flag"];
        };
        SetFlagRequest: {
            flag: {
                /**
                 * @description `on`, `off`, or `N%` (1-99: on for that share of users, by a stable hash of their id).
                 * @example off
                 */
                value: string;
                /** @description Only for this article (by slug); `comments` only. */
                article?: string;
                /** @description Why: kept with the change, with who made it and when. */
                reason?: string;
            };
        };
        ProfileResponse: {
            profile: components["schemas"]["Profile"];
        };
        Profile: {
            username: string;
            bio: string | null;
            image: string | null;
            following: boolean;
        };
        MultipleArticlesResponse: {
            articles: components["schemas"]["ArticleListItem"][];
            articlesCount: number;
            /**
             * @description The URL of the following page (the same filters and limit, with a `cursor`), also sent as `Link: <…>; rel="next"`; null on the last page. Following it costs the same at any depth, and no article is skipped or repeated while articles are added.
             * @example /api/articles?limit=20&cursor=cDE6MTc2NDYzMzYwMDAwMDo0Mg
             */
            next: string | null;
        };
        ArticleListItem: {
            slug: string;
            title: string;
            description: string;
            tagList: string[];
            /**
             * Format: date-time
             * @example 2026-11-24T08:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-24T08:30:00.000Z
             */
            updatedAt: string;
            favorited: boolean;
            favoritesCount: number;
            author: components["schemas"]["Profile"];
        };
        SingleArticleResponse: {
            article: components["schemas"]["Article"];
        };
        Article: {
            slug: string;
            title: string;
            description: string;
            tagList: string[];
            /**
             * Format: date-time
             * @example 2026-11-24T08:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-24T08:30:00.000Z
             */
            updatedAt: string;
            favorited: boolean;
            favoritesCount: number;
            author: components["schemas"]["Profile"];
            body: string;
        };
        NewArticleRequest: {
            article: {
                /** @example How to train your dragon */
                title: string;
                /** @example Ever wonder how? */
                description: string;
                /** @example You have to believe */
                body: string;
                /**
                 * @example [
                 *       "dragons",
                 *       "training"
                 *     ]
                 */
                tagList?: string[];
            };
        };
        UpdateArticleRequest: {
            article: {
                title?: string;
                description?: string;
                body?: string;
                /**
                 * @description [] removes every tag; omitted keeps them.
                 * @example [
                 *       "dragons",
                 *       "training"
                 *     ]
                 */
                tagList?: string[];
            };
        };
        MultipleCommentsResponse: {
            comments: components["schemas"]["Comment"][];
        };
        Comment: {
            id: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            body: string;
            author: components["schemas"]["Profile"];
        };
        SingleCommentResponse: {
            comment: components["schemas"]["Comment"];
        };
        NewCommentRequest: {
            comment: {
                /** @example Thank you! */
                body: string;
            };
        };
        TagsResponse: {
            tags: string[];
        };
        MultipleJobsResponse: {
            jobs: components["schemas"]["Job"][];
            jobsCount: number;
        };
        Job: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            type: "article-import" | "account-export";
            /**
             * @description queued or running until it ends; then succeeded (every item applied or refused: see failed and errors), failed (the job itself failed), or canceled.
             * @enum {string}
             */
            status: "queued" | "running" | "succeeded" | "failed" | "canceled";
            /** @description Items received. */
            total: number;
            processed: number;
            /** @description Items that became articles. */
            succeeded: number;
            /** @description Items refused, each for the reasons in errors. */
            failed: number;
            /** @description The first 1000 refused items; the counts stay exact beyond them. */
            errors: {
                /**
                 * @description The item, numbered from 1 in the order sent.
                 * @example 7
                 */
                item: number;
                /**
                 * @example {
                 *       "title": [
                 *         "can't be blank"
                 *       ]
                 *     }
                 */
                errors: {
                    [key: string]: string[];
                };
            }[];
            /**
             * Format: date-time
             * @example 2026-11-24T08:30:00.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @example 2026-11-24T08:30:00.000Z
             */
            startedAt: string | null;
            /**
             * Format: date-time
             * @example 2026-11-24T08:30:00.000Z
             */
            finishedAt: string | null;
        };
        SingleJobResponse: {
            job: components["schemas"]["Job"];
        };
        AccountExport: {
            /** Format: date-time */
            exportedAt: string;
            user: {
                username: string;
                email: string;
                bio: string | null;
                image: string | null;
            };
            articles: {
                title: string;
                description: string;
                body: string;
                tagList: string[];
                /** Format: date-time */
                createdAt: string;
            }[];
            comments: {
                id: number;
                /** @description The article's slug. */
                article: string;
                body: string;
                /** Format: date-time */
                createdAt: string;
            }[];
            /** @description Slugs of the articles you favorited. */
            favorites: string[];
            /** @description Usernames you follow. */
            following: string[];
        };
        Health: {
            /** @enum {string} */
            status: "pass" | "fail";
            description?: string;
            checks?: {
                [key: string]: {
                    /** @enum {string} */
                    status: "pass" | "fail";
                    observedValue?: number;
                    observedUnit?: string;
                    output?: string;
                }[];
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CreateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewUserRequest"];
            };
        };
        responses: {
            /** @description The new user, signed in */
            201: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginUserRequest"];
            };
        };
        responses: {
            /** @description The signed-in user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UpdateCurrentUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserRequest"];
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeleteCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteUserRequest"];
            };
        };
        responses: {
            /** @description Erased: nothing of the account remains, and its tokens are refused */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionsResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Logout: {
        parameters: {
            query?: {
                /** @description true ends every session of the user, this one included; otherwise only this one. */
                all?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out: the token of this request, and with all=true every other, is refused from now on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    LockAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LockAccountRequest"];
            };
        };
        responses: {
            /** @description Locked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UnlockAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlocked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeleteUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ListFlags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flags */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagListResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ListFlagChanges: {
        parameters: {
            query?: {
                /** @description How many changes (1-1000). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagHistoryResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    SetFlag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description registration, comments, imports, account-export, mcp, mcp-writes */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetFlagRequest"];
            };
        };
        responses: {
            /** @description Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UnsetFlag: {
        parameters: {
            query?: {
                /** @description Only this article’s setting (`comments`). */
                article?: string;
                /** @description Why: kept with the change. */
                reason?: string;
            };
            header?: never;
            path: {
                /** @description registration, comments, imports, account-export, mcp, mcp-writes */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back to its default */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetProfileByUsername: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    FollowUserByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The followed profile */
            200: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UnfollowUserByUsername: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unfollowed profile */
            200: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetArticlesFeed: {
        parameters: {
            query?: {
                /** @description Page size, default 20, at most 100. */
                limit?: number | null;
                offset?: number | null;
                /** @description Start after this position: the `cursor` of a previous page's `next` URL. A page from a cursor costs the same at any depth and does not shift when articles are added; `offset` then counts from the cursor. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of articles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MultipleArticlesResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetArticles: {
        parameters: {
            query?: {
                /** @description Only articles with this tag. */
                tag?: string;
                /** @description Only articles by this username. */
                author?: string;
                /** @description Only articles favorited by this username. */
                favorited?: string;
                /** @description Page size, default 20, at most 100. */
                limit?: number | null;
                offset?: number | null;
                /** @description Start after this position: the `cursor` of a previous page's `next` URL. A page from a cursor costs the same at any depth and does not shift when articles are added; `offset` then counts from the cursor. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of articles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MultipleArticlesResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CreateArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewArticleRequest"];
            };
        };
        responses: {
            /** @description The new article */
            201: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleArticleResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleArticleResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    UpdateArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateArticleRequest"];
            };
        };
        responses: {
            /** @description The edited article */
            200: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleArticleResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeleteArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CreateArticleFavorite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article */
            200: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleArticleResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeleteArticleFavorite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article */
            200: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleArticleResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetArticleComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MultipleCommentsResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CreateArticleComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCommentRequest"];
            };
        };
        responses: {
            /** @description The new comment */
            200: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleCommentResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    DeleteArticleComment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the write safe to retry (after a timeout, a 503 or a lost connection): the same key with the same request within 24 hours applies nothing again and gets the first answer back, with `Idempotent-Replayed: true`. The same key with another request: 422 IDEMPOTENCY_KEY_REUSED; while the first is still in progress: 409 IDEMPOTENT_REQUEST_IN_PROGRESS. Keys are per user. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tags */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagsResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetJobs: {
        parameters: {
            query?: {
                /** @description Page size, default 20, at most 100. */
                limit?: number | null;
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MultipleJobsResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job */
            200: {
                headers: {
                    /** @description Seconds before polling again is worthwhile, while the job has not ended. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleJobResponse"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CreateAccountExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued: poll the job; once it has succeeded, download its result for 24 hours */
            202: {
                headers: {
                    /** @description The job: GET it for its status. */
                    Location?: string;
                    /** @description Seconds before polling the job is worthwhile. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleJobResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    GetJobResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document (served as an attachment) */
            200: {
                headers: {
                    /** @description attachment; filename="conduit-export-….json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountExport"];
                };
            };
            /** @description Not modified: the `If-None-Match` tag is the current `ETag` (no body). */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CreateArticleImport: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes creation safe to retry: the same key with the same body within 24 hours answers with the job it created (and `Idempotent-Replayed: true`); with another body, 422 IDEMPOTENCY_KEY_REUSED. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": {
                    article: components["schemas"]["NewArticleRequest"]["article"];
                    /** @description An existing user's username, the article's author (admins only; for anyone else the item is refused). */
                    author?: string;
                };
                "application/json": {
                    articles: ({
                        /** @description An existing user's username, the article's author (admins only; for anyone else the item is refused). */
                        author?: string;
                    } & components["schemas"]["NewArticleRequest"]["article"])[];
                };
            };
        };
        responses: {
            /** @description Received whole and queued (or, for a repeated Idempotency-Key, the job it created) */
            202: {
                headers: {
                    /** @description The job: GET it for status and progress. */
                    Location?: string;
                    /** @description Seconds before polling the job is worthwhile, while it has not ended. */
                    "Retry-After"?: number;
                    /** @description `true` when an earlier request with the same Idempotency-Key did the work: this answer is its, and nothing was applied again. */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleJobResponse"];
                };
            };
            /** @description Malformed JSON */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed for this user */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body is not of a media type the operation accepts */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CancelJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Canceled: a queued job at once, a running one at its next batch (waited for, up to a second) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleJobResponse"];
                };
            };
            /** @description Still running a second after the cancel (no worker has it now): it stops before its next batch; poll it */
            202: {
                headers: {
                    /** @description Seconds before polling again is worthwhile, while the job has not ended. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SingleJobResponse"];
                };
            };
            /** @description Missing or invalid token, or wrong credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description In conflict with the state of the resource */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No publication is served at this Host (only where the deployment refuses unmapped hosts: TENANT_UNKNOWN_HOST=reject) */
            421: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Invalid request fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limit reached: retry after Retry-After (RateLimit-Policy and RateLimit state the budget) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request line or headers too large (refused by the HTTP server before routing) */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unexpected failure (only the request id is disclosed) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, over its time budget, or the database is unavailable: retry after Retry-After. A write answered WRITE_OUTCOME_UNKNOWN may have been applied: repeat it with the same Idempotency-Key to learn its outcome */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Problem"];
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Liveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/health+json": components["schemas"]["Health"];
                };
            };
        };
    };
    Readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/health+json": components["schemas"]["Health"];
                };
            };
            /** @description Not ready (database down or draining) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/health+json": components["schemas"]["Health"];
                };
            };
        };
    };
}
