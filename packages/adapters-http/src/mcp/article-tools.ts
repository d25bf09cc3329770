import { articleOperations } from '../operations/article-operations.js';
import { articlePageOperations } from '../operations/article-page-operations.js';
import { toolOf } from '../operations/mcp-operation.js';
import { presentSingleArticle } from '../presenters/article.presenter.js';
import { presentComments } from '../presenters/comment.presenter.js';
import { SingleArticleResponse } from '../schemas/article.schemas.js';
import { MultipleCommentsResponse } from '../schemas/comment.schemas.js';
import { slugParam } from '../schemas/fields.js';
import { answer, readTool } from './mcp-tool.js';

const [createArticle, updateArticle, deleteArticle, favoriteArticle, unfavoriteArticle] = articleOperations;
const [feed, listArticles] = articlePageOperations;

export const articleTools = [
  toolOf(listArticles),
  readTool({
    name: 'get_article',
    title: 'Read an article',
    description: 'One article by its slug, with its body and its comments (oldest first). ARTICLE_NOT_FOUND if no article has this slug.',
    input: slugParam,
    output: SingleArticleResponse.extend(MultipleCommentsResponse.shape),
    hints: { readOnlyHint: true },
    run: async (useCases, ctx, { slug }) => {
      const [article, comments] = await Promise.all([useCases.getArticle(ctx, slug), useCases.listComments(ctx, slug)]);
      const both = article.andThen((view) => comments.map((list) => ({ view, list })));
      return answer(both, ({ view, list }) => ({ ...presentSingleArticle(view), ...presentComments(list) }));
    },
  }),
  toolOf(feed),
  toolOf(createArticle),
  toolOf(updateArticle),
  toolOf(deleteArticle),
  toolOf(favoriteArticle),
  toolOf(unfavoriteArticle),
];
