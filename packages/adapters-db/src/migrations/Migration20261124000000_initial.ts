import { Migration } from '@mikro-orm/migrations';

/** The initial schema: generated from the records, then committed as is. */
export class Migration20261124000000_initial extends Migration {
  override name = 'Migration20261124000000_initial';

  override up(): void {
    this.addSql(
      `create table "users" ("id" serial primary key, "username" varchar(64) not null, "email" varchar(254) not null, "password_hash" varchar(255) not null, "bio" text null, "image" varchar(2048) null, "role" varchar(16) not null default 'user');`,
    );
    this.addSql(`alter table "users" add constraint "users_username_unique" unique ("username");`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "follows" ("follower_id" int not null, "followee_id" int not null, primary key ("follower_id", "followee_id"));`,
    );
    this.addSql(`create index "follows_followee_index" on "follows" ("followee_id");`);

    this.addSql(
      `create table "articles" ("id" serial primary key, "slug" varchar(255) not null, "title" varchar(255) not null, "description" varchar(1000) not null, "body" text not null, "author_id" int not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null);`,
    );
    this.addSql(`alter table "articles" add constraint "articles_slug_unique" unique ("slug");`);
    this.addSql(`create index "articles_created_at_index" on "articles" ("created_at" desc, "id" desc);`);
    this.addSql(`create index "articles_author_created_at_index" on "articles" ("author_id", "created_at" desc, "id" desc);`);

    this.addSql(`create table "favorites" ("user_id" int not null, "article_id" int not null, primary key ("user_id", "article_id"));`);
    this.addSql(`create index "favorites_article_index" on "favorites" ("article_id");`);

    this.addSql(
      `create table "comments" ("id" serial primary key, "body" text not null, "article_id" int not null, "author_id" int not null, "created_at" timestamptz(3) not null, "updated_at" timestamptz(3) not null);`,
    );
    this.addSql(`create index "comments_article_index" on "comments" ("article_id");`);

    this.addSql(`create table "article_tags" ("article_id" int not null, "tag" varchar(64) not null, primary key ("article_id", "tag"));`);
    this.addSql(`create index "article_tags_tag_index" on "article_tags" ("tag", "article_id");`);

    this.addSql(
      `alter table "follows" add constraint "follows_follower_id_foreign" foreign key ("follower_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "follows" add constraint "follows_followee_id_foreign" foreign key ("followee_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "articles" add constraint "articles_author_id_foreign" foreign key ("author_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "favorites" add constraint "favorites_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "favorites" add constraint "favorites_article_id_foreign" foreign key ("article_id") references "articles" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "comments" add constraint "comments_article_id_foreign" foreign key ("article_id") references "articles" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "comments" add constraint "comments_author_id_foreign" foreign key ("author_id") references "users" ("id") on delete cascade;`,
    );
    this.addSql(
      `alter table "article_tags" add constraint "article_tags_article_id_foreign" foreign key ("article_id") references "articles" ("id") on delete cascade;`,
    );
  }
}
