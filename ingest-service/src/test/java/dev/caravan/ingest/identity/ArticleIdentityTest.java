package dev.caravan.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    @Test
    void sameTitleWithOtherQuotesDashesAndCaseIsTheSameArticle() {
        String a = ArticleIdentity.articleId("timesca", null, "From Politicians to Felons – Part “Two”");
        String b = ArticleIdentity.articleId("TimesCA ", null, "from politicians  to felons - part \"two\"");
        assertThat(a).isEqualTo(b).hasSize(32);
    }

    @Test
    void otherSourceOrTitleIsAnotherArticle() {
        String a = ArticleIdentity.articleId("timesca", null, "A title");
        assertThat(ArticleIdentity.articleId("other", null, "A title")).isNotEqualTo(a);
        assertThat(ArticleIdentity.articleId("timesca", null, "Another title")).isNotEqualTo(a);
    }

    @Test
    void urlWinsOverTitleAndIsCanonicalised() {
        String a = ArticleIdentity.articleId("s", "HTTPS://Example.com/news/1/?utm_source=x#top", "Title one");
        String b = ArticleIdentity.articleId("s", "https://example.com/news/1", "Title changed");
        assertThat(a).isEqualTo(b);
        assertThat(ArticleIdentity.canonicalUrl("https://Example.com/a/?id=3&utm_medium=m")).isEqualTo("https://example.com/a?id=3");
    }

    @Test
    void contentHashTellsRevisionsApart() {
        assertThat(ArticleIdentity.contentHash("T", "Body...")).isNotEqualTo(ArticleIdentity.contentHash("T", "Body in full."));
    }
}
