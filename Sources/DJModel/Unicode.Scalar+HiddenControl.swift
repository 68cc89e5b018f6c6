extension Unicode.Scalar {
    /// Whether this scalar, printed, would act instead of showing: a control character (C0, DEL,
    /// C1 — escape, bell, NUL…) or a bidirectional embedding, override or isolate, which reorders
    /// the text around it. Set names refuse them; the command line prints them as escapes.
    public var isHiddenControl: Bool {
        properties.generalCategory == .control || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
