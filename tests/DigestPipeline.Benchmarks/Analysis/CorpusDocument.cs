namespace DigestPipeline.Benchmarks.Analysis;

/// <summary>One document of an evaluation corpus as it would be uploaded: a file name and its UTF-8 bytes.</summary>
public sealed record CorpusDocument(string Name, byte[] Content);
