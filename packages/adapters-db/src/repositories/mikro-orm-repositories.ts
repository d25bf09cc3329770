import type { Repositories } from '@conduit/domain';
import type { EntityManagerSource } from '../entity-manager.js';
import { MikroOrmArticleRepository } from './mikro-orm-article-repository.js';
import { MikroOrmCommentRepository } from './mikro-orm-comment-repository.js';
import { MikroOrmFavoriteRepository } from './mikro-orm-favorite-repository.js';
import { MikroOrmFollowRepository } from './mikro-orm-follow-repository.js';
import { MikroOrmUserRepository } from './mikro-orm-user-repository.js';

export const makeMikroOrmRepositories = (em: EntityManagerSource): Repositories => ({
  users: new MikroOrmUserRepository(em),
  follows: new MikroOrmFollowRepository(em),
  articles: new MikroOrmArticleRepository(em),
  favorites: new MikroOrmFavoriteRepository(em),
  comments: new MikroOrmCommentRepository(em),
});
