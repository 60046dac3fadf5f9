using DigestPipeline.Core.Evaluation;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Evaluation;

public sealed class Evaluation_rows_read_from_json_lines
{
    [Fact]
    public void A_row_becomes_the_bytes_a_user_would_upload_title_first()
    {
        var rows = EvaluationRow.ReadJsonLines(new StringReader("""
            {"id": "a", "lang": "fr", "category": null, "title": "Titre", "text": "Le texte.", "reference_summary": "Résumé."}

            {"id": "b", "lang": "en", "category": "sport", "title": null, "text": "Text only.", "reference_summary": "Ref."}
            """)).ToList();

        rows.Select(r => r.Id).ShouldBe(["a", "b"]);
        System.Text.Encoding.UTF8.GetString(rows[0].ToDocumentBytes()).ShouldBe("Titre\n\nLe texte.");
        System.Text.Encoding.UTF8.GetString(rows[1].ToDocumentBytes()).ShouldBe("Text only.");
        rows[1].Category.ShouldBe("sport");
    }

    [Fact]
    public void A_bad_line_is_reported_with_its_number()
    {
        var error = Should.Throw<InvalidDataException>(() => EvaluationRow.ReadJsonLines(new StringReader("""
            {"id": "a", "text": "T.", "reference_summary": "R."}
            {"id": "b", "text": "T."}
            """)).ToList());

        error.Message.ShouldContain("Line 2");
    }
}
