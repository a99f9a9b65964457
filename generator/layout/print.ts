/**
 * Prettier's docs for the TypeScript soapgen emits, built from TypeScript's syntax tree the way prettier's
 * estree printer builds them from its own (prettier 3: union-type, intersection-type, assignment, class,
 * function-parameters, call-arguments and object printers). A node outside that subset throws
 * `Unsupported`, and the file is left to prettier itself. Member chains and `??` are printed flat only:
 * where prettier would break one, the line is too long, and the caller leaves the file to prettier too.
 */
import type { Doc } from "prettier";
import type { builders as Builders, utils as Utils } from "prettier/doc";
import type { ts as Ts } from "ts-morph";
import { prettierQuote } from "../lib/ts.js";

type Node = Ts.Node;

/** Thrown for what this printer does not lay out exactly as prettier does. */
export class Unsupported extends Error {}

/** Where a union is printed decides its indentation (prettier's `shouldIndent` and `assignmentLayout`). */
type UnionPlace = "indented" | "bare" | "parenthesized";

/** What the printer needs of prettier's doc module. */
export interface DocApi {
  readonly builders: typeof Builders;
  readonly utils: typeof Utils;
}

export class Printer {
  /** Comments printed; the caller checks it against all comments in the file. */
  printedComments = 0;
  private readonly b: typeof Builders;
  /** The keyword types, by syntax kind. */
  private readonly keywords: ReadonlyMap<Ts.SyntaxKind, string>;

  constructor(
    private readonly ts: typeof Ts,
    private readonly docs: DocApi,
    private readonly file: Ts.SourceFile,
    private readonly text: string,
  ) {
    this.b = docs.builders;
    const kind = ts.SyntaxKind;
    this.keywords = new Map([
      [kind.StringKeyword, "string"],
      [kind.NumberKeyword, "number"],
      [kind.BooleanKeyword, "boolean"],
      [kind.NeverKeyword, "never"],
      [kind.UndefinedKeyword, "undefined"],
      [kind.UnknownKeyword, "unknown"],
      [kind.VoidKeyword, "void"],
      [kind.BigIntKeyword, "bigint"],
    ]);
  }

  sourceFile(): Doc {
    const { hardline } = this.b;
    const statements = this.file.statements;
    if (statements.length === 0) throw new Unsupported("empty file");
    return [this.sequence(statements, (node) => this.statement(node)), hardline];
  }

  /** Nodes one per line with their comments, keeping one blank line where the source has one. */
  private sequence(nodes: readonly Node[], print: (node: Node) => Doc): Doc {
    const { hardline } = this.b;
    const parts: Doc[] = [];
    nodes.forEach((node, i) => {
      parts.push(this.withComments(node, print(node)));
      if (i < nodes.length - 1) {
        parts.push(hardline);
        if (this.isNextLineEmpty(node.end)) parts.push(hardline);
      }
    });
    return parts;
  }

  /** A block, or a class or interface body: `{}`, or the nodes on lines of their own between braces. */
  private braced(nodes: readonly Node[], print: (node: Node) => Doc): Doc {
    const { hardline, indent } = this.b;
    if (nodes.length === 0) return "{}";
    return ["{", indent([hardline, this.sequence(nodes, print)]), hardline, "}"];
  }

  /** A node's leading JSDoc, as prettier prints a block comment on lines of its own. */
  private withComments(node: Node, doc: Doc): Doc {
    const { hardline, join } = this.b;
    const ranges = this.ts.getLeadingCommentRanges(this.text, node.pos) ?? [];
    if (ranges.length === 0) return doc;
    const parts: Doc[] = [];
    for (const range of ranges) {
      if (range.kind !== this.ts.SyntaxKind.MultiLineCommentTrivia) throw new Unsupported("line comment");
      if (!this.hasNewlineAfter(range.end)) throw new Unsupported("comment on the node's line");
      if (this.isNextLineEmpty(range.end)) throw new Unsupported("blank line after a comment");
      const comment = this.text.slice(range.pos, range.end);
      const lines = comment.slice(2, -2).split("\n");
      const indentable =
        lines.length > 1 && `*${comment.slice(2, -2)}*`.split("\n").every((l) => l.trimStart()[0] === "*");
      // prettier keeps a JSDoc line's two trailing spaces (a markdown line break) with a hardline that
      // does not trim them; not modelled.
      const jsDoc = comment.startsWith("/**") && !comment.startsWith("/***");
      if (indentable && jsDoc && lines.slice(1, -1).some((l) => l.trim() !== "*" && l.endsWith("  ")))
        throw new Unsupported("markdown line break in a comment");
      if (indentable) {
        parts.push(
          "/*",
          join(
            hardline,
            lines.map((line, index) =>
              index === 0
                ? line.trimEnd()
                : " " + (index < lines.length - 1 ? line.trim() : line.trimStart()),
            ),
          ),
          "*/",
        );
      } else if (lines.length === 1) parts.push(comment);
      else throw new Unsupported("multi-line comment prettier does not re-indent");
      parts.push(hardline);
      this.printedComments++;
    }
    return [...parts, doc];
  }

  private statement(node: Node): Doc {
    const ts = this.ts;
    if (ts.isImportDeclaration(node)) return this.importDeclaration(node);
    if (ts.isExportDeclaration(node)) return this.exportDeclaration(node);
    if (ts.isInterfaceDeclaration(node)) return this.exported(node, this.interfaceDeclaration(node));
    if (ts.isTypeAliasDeclaration(node)) return this.exported(node, this.typeAlias(node));
    if (ts.isClassDeclaration(node)) return this.exported(node, this.classDeclaration(node));
    if (ts.isFunctionDeclaration(node)) return this.exported(node, this.functionDeclaration(node));
    if (ts.isVariableStatement(node)) return this.exported(node, this.variableStatement(node));
    if (ts.isReturnStatement(node)) return this.returnStatement(node);
    if (ts.isExpressionStatement(node)) return [this.expression(node.expression), ";"];
    if (ts.isPropertyDeclaration(node)) return this.classProperty(node);
    if (ts.isConstructorDeclaration(node) || ts.isMethodDeclaration(node)) return this.classMethod(node);
    throw new Unsupported(ts.SyntaxKind[node.kind]);
  }

  /** `export ` before a declaration; any other modifier is refused. */
  private exported(node: Ts.HasModifiers, doc: Doc): Doc {
    const modifiers = this.modifierKinds(node);
    const exported = modifiers.delete(this.ts.SyntaxKind.ExportKeyword);
    modifiers.delete(this.ts.SyntaxKind.AsyncKeyword); // printed by the function itself
    if (modifiers.size > 0) throw new Unsupported("modifier");
    return exported ? ["export ", doc] : doc;
  }

  /** The node's modifiers by kind; a decorator, which prettier prints and this printer does not, is refused. */
  private modifierKinds(node: Ts.HasModifiers): Set<Ts.SyntaxKind> {
    const modifiers = (node as { modifiers?: Ts.NodeArray<Ts.ModifierLike> }).modifiers ?? [];
    if (modifiers.some((m) => m.kind === this.ts.SyntaxKind.Decorator)) throw new Unsupported("decorator");
    return new Set(modifiers.map((m) => m.kind));
  }

  // ---- modules

  private importDeclaration(node: Ts.ImportDeclaration): Doc {
    const clause = node.importClause;
    if (clause === undefined || clause.name !== undefined || node.attributes !== undefined)
      throw new Unsupported("import form");
    const bindings = clause.namedBindings;
    if (bindings === undefined || !this.ts.isNamedImports(bindings)) throw new Unsupported("import form");
    const specifiers = bindings.elements.map((s) => {
      if (s.propertyName !== undefined) throw new Unsupported("import alias");
      return `${s.isTypeOnly ? "type " : ""}${s.name.text}`;
    });
    return [
      "import",
      clause.isTypeOnly ? " type" : "",
      " ",
      this.specifierList(specifiers),
      " from ",
      this.stringLiteral(node.moduleSpecifier),
      ";",
    ];
  }

  private exportDeclaration(node: Ts.ExportDeclaration): Doc {
    if (node.attributes !== undefined) throw new Unsupported("export attributes");
    const clause = node.exportClause;
    const from =
      node.moduleSpecifier === undefined ? "" : [" from ", this.stringLiteral(node.moduleSpecifier)];
    if (clause === undefined) {
      if (node.moduleSpecifier === undefined) throw new Unsupported("export form");
      return [
        "export",
        node.isTypeOnly ? " type" : "",
        " * from ",
        this.stringLiteral(node.moduleSpecifier),
        ";",
      ];
    }
    if (!this.ts.isNamedExports(clause)) throw new Unsupported("export form");
    const specifiers = clause.elements.map((s) => {
      if (s.propertyName !== undefined) throw new Unsupported("export alias");
      return `${s.isTypeOnly ? "type " : ""}${s.name.text}`;
    });
    return ["export", node.isTypeOnly ? " type" : "", " ", this.specifierList(specifiers), from, ";"];
  }

  /** prettier's `printModuleSpecifiers`: one specifier hugs its braces, several break one per line. */
  private specifierList(specifiers: string[]): Doc {
    const { group, indent, line, ifBreak, join } = this.b;
    if (specifiers.length === 0) return "{}";
    if (specifiers.length === 1) return ["{ ", specifiers[0]!, " }"];
    return group(["{", indent([line, join([",", line], specifiers)]), ifBreak(","), line, "}"]);
  }

  // ---- declarations

  private interfaceDeclaration(node: Ts.InterfaceDeclaration): Doc {
    const heritage = node.heritageClauses ?? [];
    const bases = heritage.flatMap((clause) => clause.types);
    // One base prints inline after the name; prettier groups several, which soapgen never writes, and
    // type parameters with a base, which soapgen never writes either.
    if (bases.length > 1) throw new Unsupported("several bases");
    if (node.typeParameters !== undefined && bases.length > 0) throw new Unsupported("generic interface");
    const extendsDoc = bases.length === 1 ? [" extends ", this.heritageType(bases[0]!)] : "";
    return [
      "interface ",
      node.name.text,
      this.typeParameters(node.typeParameters),
      extendsDoc,
      " ",
      this.braced(node.members, (member) => this.member(member)),
    ];
  }

  private heritageType(node: Ts.ExpressionWithTypeArguments): Doc {
    if (!this.ts.isIdentifier(node.expression)) throw new Unsupported("qualified base");
    return [node.expression.text, this.typeArguments(node.typeArguments)];
  }

  private member(node: Node): Doc {
    const ts = this.ts;
    if (ts.isPropertySignature(node)) return [this.propertySignature(node), ";"];
    if (ts.isMethodSignature(node)) return [this.methodSignature(node), ";"];
    if (ts.isCallSignatureDeclaration(node)) return [this.methodSignature(node), ";"];
    return this.statement(node);
  }

  private propertySignature(node: Ts.PropertySignature): Doc {
    const modifiers = this.modifierKinds(node);
    const readonly = modifiers.delete(this.ts.SyntaxKind.ReadonlyKeyword);
    if (modifiers.size > 0 || node.type === undefined) throw new Unsupported("property signature form");
    return this.b.group([
      readonly ? "readonly " : "",
      this.propertyKey(node.name),
      node.questionToken ? "?" : "",
      ": ",
      this.type(node.type, "indented"),
    ]);
  }

  /** A method signature, or a call signature: one without a name. */
  private methodSignature(node: Ts.MethodSignature | Ts.CallSignatureDeclaration): Doc {
    const { group } = this.b;
    const name = this.ts.isMethodSignature(node) ? node.name : undefined;
    const modifiers = this.ts.isMethodSignature(node) ? this.modifierKinds(node).size : 0;
    if (node.type === undefined || node.typeParameters !== undefined || modifiers > 0)
      throw new Unsupported("method signature form");
    const parameters = this.parameters(node.parameters);
    const returnType = [": ", this.type(node.type, "indented")];
    // prettier keeps the quotes of a method signature named "new", which would be a construct signature.
    const isNew = name !== undefined && this.ts.isStringLiteral(name) && name.text === "new";
    return group([
      name === undefined ? "" : isNew ? this.stringLiteral(name as Ts.StringLiteral) : this.propertyKey(name),
      node.questionToken ? "?" : "",
      this.groupsParameters(node) ? group(parameters) : parameters,
      group(returnType),
    ]);
  }

  /** prettier's `shouldGroupFunctionParameters`: one parameter before an object return type. */
  private groupsParameters(node: Ts.SignatureDeclarationBase): boolean {
    const typeParameters = node.typeParameters ?? [];
    if (typeParameters.length > 1) return false;
    if (typeParameters.length === 1 && (typeParameters[0]!.constraint || typeParameters[0]!.default))
      return false;
    return node.parameters.length === 1 && node.type !== undefined && this.ts.isTypeLiteralNode(node.type);
  }

  private typeAlias(node: Ts.TypeAliasDeclaration): Doc {
    if (node.typeParameters !== undefined) throw new Unsupported("generic type alias");
    return [this.assignment(["type ", node.name.text], " =", node.type), ";"];
  }

  private variableStatement(node: Ts.VariableStatement): Doc {
    const list = node.declarationList;
    const ts = this.ts;
    // `using` and `await using` declarations carry the Const flag too.
    const kind =
      list.flags & ts.NodeFlags.Using
        ? undefined
        : list.flags & ts.NodeFlags.Const
          ? "const"
          : list.flags & ts.NodeFlags.Let
            ? "let"
            : undefined;
    const [declaration, ...more] = list.declarations;
    if (kind === undefined || declaration === undefined || more.length > 0)
      throw new Unsupported("declaration list");
    // An annotated declaration may take prettier's break-lhs layout, which is not modelled.
    if (!ts.isIdentifier(declaration.name) || declaration.exclamationToken || declaration.type !== undefined)
      throw new Unsupported("binding");
    return [kind, " ", this.assignment(declaration.name.text, " =", declaration.initializer), ";"];
  }

  /**
   * prettier's `printAssignment` with the layouts its `chooseLayout` picks for what soapgen assigns:
   * a union type breaks after the operator, as does a string; an object or call stays beside it (fluid).
   */
  private assignment(left: Doc, operator: string, right: Node | undefined, hasShortKey = false): Doc {
    const { group, indent, line } = this.b;
    if (right === undefined) return left;
    const ts = this.ts;
    if (ts.isUnionTypeNode(right) && !this.hugsUnion(right))
      return group([group(left), operator, group(indent([line, this.type(right, "bare")]))]);
    if (ts.isTypeNode(right)) return this.fluid(left, operator, this.type(right, "indented"));
    if (this.breaksAfterOperator(right, hasShortKey))
      return group([group(left), operator, group(indent([line, this.expression(right)]))]);
    if (
      hasShortKey ||
      right.kind === ts.SyntaxKind.TrueKeyword ||
      right.kind === ts.SyntaxKind.FalseKeyword ||
      ts.isNumericLiteral(right)
    )
      return group([group(left), operator, " ", this.expression(right)]);
    return this.fluid(left, operator, this.expression(right));
  }

  private fluid(left: Doc, operator: string, right: Doc): Doc {
    const { group, indent, line, indentIfBreak, lineSuffixBoundary } = this.b;
    const id = Symbol("assignment");
    return group([
      group(left),
      operator,
      group(indent(line), { id }),
      lineSuffixBoundary,
      indentIfBreak(right, { groupId: id }),
    ]);
  }

  /** prettier's `shouldBreakAfterOperator` for the expressions soapgen assigns. */
  private breaksAfterOperator(node: Node, hasShortKey: boolean): boolean {
    const ts = this.ts;
    if (ts.isBinaryExpression(node)) return true;
    if (hasShortKey) return false;
    let inner = node;
    while (ts.isAwaitExpression(inner) || ts.isPrefixUnaryExpression(inner))
      inner = ts.isAwaitExpression(inner) ? inner.expression : inner.operand;
    if (ts.isStringLiteral(inner)) return true;
    return this.isPoorlyBreakableChain(inner, false);
  }

  /** A member chain whose calls have no arguments or one short one: prettier breaks after `=` instead. */
  private isPoorlyBreakableChain(node: Node, deep: boolean): boolean {
    const ts = this.ts;
    if (ts.isCallExpression(node)) {
      if (ts.isPropertyAccessExpression(node.expression) && this.memberChainLength(node) > 2)
        throw new Unsupported("member chain in an assignment");
      if (node.arguments.length > 1) return false;
      if (node.arguments.length === 1) throw new Unsupported("lone argument in an assignment");
      if (node.typeArguments !== undefined) throw new Unsupported("type arguments in an assignment");
      return this.isPoorlyBreakableChain(node.expression, true);
    }
    if (ts.isPropertyAccessExpression(node)) return this.isPoorlyBreakableChain(node.expression, true);
    return deep && (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword);
  }

  private memberChainLength(node: Node): number {
    const ts = this.ts;
    let count = 0;
    for (let n: Node = node; ts.isCallExpression(n) || ts.isPropertyAccessExpression(n); n = n.expression)
      count++;
    return count;
  }

  private classDeclaration(node: Ts.ClassDeclaration): Doc {
    if (node.name === undefined || node.typeParameters !== undefined) throw new Unsupported("class form");
    const heritage = node.heritageClauses ?? [];
    if (heritage.length > 1 || heritage.some((h) => h.token !== this.ts.SyntaxKind.ExtendsKeyword))
      throw new Unsupported("implements");
    const base = heritage[0]?.types[0];
    // prettier groups the heritage clause only for a base that is a member expression without type arguments.
    if (base !== undefined && !base.typeArguments && !this.ts.isIdentifier(base.expression))
      throw new Unsupported("class base form");
    const extendsDoc = base === undefined ? "" : [" extends ", this.heritageType(base)];
    return [
      "class ",
      node.name.text,
      extendsDoc,
      " ",
      this.braced(node.members, (member) => this.member(member)),
    ];
  }

  private classProperty(node: Ts.PropertyDeclaration): Doc {
    const ts = this.ts;
    const modifiers = this.modifierKinds(node);
    const parts: Doc[] = [];
    for (const [kind, word] of [
      [ts.SyntaxKind.DeclareKeyword, "declare "],
      [ts.SyntaxKind.PrivateKeyword, "private "],
      [ts.SyntaxKind.ProtectedKeyword, "protected "],
      [ts.SyntaxKind.PublicKeyword, "public "],
      [ts.SyntaxKind.StaticKeyword, "static "],
      [ts.SyntaxKind.OverrideKeyword, "override "],
      [ts.SyntaxKind.ReadonlyKeyword, "readonly "],
    ] as const) {
      if (modifiers.delete(kind)) parts.push(word);
    }
    if (modifiers.size > 0 || node.exclamationToken) throw new Unsupported("property modifier");
    // With babel-ts, prettier leaves a class property's quoted name quoted.
    const key = ts.isStringLiteral(node.name) ? this.stringLiteral(node.name) : this.propertyKey(node.name);
    parts.push(key, node.questionToken ? "?" : "");
    if (node.type !== undefined) parts.push(": ", this.type(node.type, "indented"));
    return [this.assignment(parts, " =", node.initializer), ";"];
  }

  private classMethod(node: Ts.ConstructorDeclaration | Ts.MethodDeclaration): Doc {
    const ts = this.ts;
    const modifiers = this.modifierKinds(node);
    const isAsync = modifiers.delete(ts.SyntaxKind.AsyncKeyword);
    if (modifiers.size > 0 || node.body === undefined) throw new Unsupported("method modifier");
    const name = ts.isConstructorDeclaration(node) ? "constructor" : this.propertyKey(node.name);
    if (!ts.isConstructorDeclaration(node) && (node.questionToken || node.asteriskToken))
      throw new Unsupported("method form");
    return [isAsync ? "async " : "", name, this.functionSignature(node), " ", this.block(node.body)];
  }

  private functionDeclaration(node: Ts.FunctionDeclaration): Doc {
    if (node.name === undefined || node.body === undefined || node.asteriskToken)
      throw new Unsupported("function form");
    const isAsync = this.modifierKinds(node).has(this.ts.SyntaxKind.AsyncKeyword);
    return [
      isAsync ? "async " : "",
      "function ",
      node.name.text,
      this.functionSignature(node),
      " ",
      this.block(node.body),
    ];
  }

  /** Type parameters, parameters and return type, as prettier's `printMethodValue` and `printFunction`. */
  private functionSignature(node: Ts.SignatureDeclarationBase): Doc {
    const { group } = this.b;
    const parameters = this.parameters(node.parameters);
    const returnType = node.type === undefined ? "" : [": ", this.type(node.type, "indented")];
    return [
      this.typeParameters(node.typeParameters),
      group([this.groupsParameters(node) ? group(parameters) : parameters, returnType]),
    ];
  }

  private typeParameters(parameters: Ts.NodeArray<Ts.TypeParameterDeclaration> | undefined): Doc {
    const { group, indent, softline, line, ifBreak, join, indentIfBreak, lineSuffixBoundary } = this.b;
    if (parameters === undefined) return "";
    const printed = parameters.map((p) => {
      if (p.default !== undefined || (p.modifiers?.length ?? 0) > 0)
        throw new Unsupported("type parameter form");
      if (p.constraint === undefined) return p.name.text;
      const id = Symbol("constraint");
      return group([
        p.name.text,
        " extends",
        group(indent(line), { id }),
        lineSuffixBoundary,
        indentIfBreak(this.type(p.constraint, "indented"), { groupId: id }),
      ]);
    });
    return group(["<", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ">"]);
  }

  /** prettier's `printFunctionParameters` without hugging (soapgen never writes an object pattern). */
  private parameters(parameters: readonly Ts.ParameterDeclaration[]): Doc {
    const { indent, softline, line, ifBreak } = this.b;
    const ts = this.ts;
    if (parameters.length === 0) return "()";
    const printed: Doc[] = [];
    parameters.forEach((parameter, i) => {
      if (
        !ts.isIdentifier(parameter.name) ||
        parameter.dotDotDotToken ||
        (ts.getModifiers(parameter)?.length ?? 0) > 0
      )
        throw new Unsupported("parameter form");
      const typed: Doc[] = [parameter.name.text, parameter.questionToken ? "?" : ""];
      if (parameter.type !== undefined) {
        // A lone parameter typed as an object literal hugs its parentheses in prettier.
        if (parameters.length === 1 && ts.isTypeLiteralNode(parameter.type))
          throw new Unsupported("hugged parameter");
        typed.push(": ", this.type(parameter.type, "indented"));
      }
      // A default is an assignment pattern, which prettier prints without an assignment layout.
      printed.push(
        parameter.initializer === undefined ? typed : [typed, " = ", this.expression(parameter.initializer)],
      );
      if (i < parameters.length - 1) {
        if (this.isNextLineEmpty(parameter.end)) throw new Unsupported("blank line between parameters");
        printed.push(",", line);
      }
    });
    return ["(", indent([softline, ...printed]), ifBreak(","), softline, ")"];
  }

  // ---- statements and expressions

  private block(node: Ts.Block): Doc {
    return this.braced(node.statements, (statement) => this.statement(statement));
  }

  private returnStatement(node: Ts.ReturnStatement): Doc {
    if (node.expression === undefined) return "return;";
    if (this.ts.isBinaryExpression(node.expression)) throw new Unsupported("binary return");
    return ["return ", this.expression(node.expression), ";"];
  }

  private expression(node: Ts.Expression | Node): Doc {
    const ts = this.ts;
    if ((ts.isCallExpression(node) || ts.isPropertyAccessExpression(node)) && node.questionDotToken)
      throw new Unsupported("optional chaining");
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
    if (node.kind === ts.SyntaxKind.ThisKeyword) return "this";
    if (node.kind === ts.SyntaxKind.TrueKeyword) return "true";
    if (node.kind === ts.SyntaxKind.FalseKeyword) return "false";
    if (node.kind === ts.SyntaxKind.NullKeyword) return "null";
    if (ts.isStringLiteral(node)) return this.stringLiteral(node);
    if (ts.isNumericLiteral(node)) {
      // prettier prints a number as written (normalising some forms); plain digits it leaves alone.
      const raw = node.getText(this.file);
      if (/^\d+$/.test(raw)) return raw;
      throw new Unsupported("number form");
    }
    if (ts.isObjectLiteralExpression(node)) return this.objectLiteral(node);
    if (ts.isNewExpression(node)) return this.call(node, "new ");
    if (ts.isCallExpression(node)) {
      // A call on a member is prettier's member chain: modelled only where it does not break.
      if (ts.isPropertyAccessExpression(node.expression))
        return this.unbroken([
          this.expression(node.expression),
          this.typeArguments(node.typeArguments),
          this.flatArguments(node),
        ]);
      return this.call(node, "");
    }
    if (ts.isPropertyAccessExpression(node))
      return this.unbroken([this.expression(node.expression), ".", node.name.text]);
    if (ts.isAwaitExpression(node)) return ["await ", this.expression(node.expression)];
    if (ts.isParenthesizedExpression(node)) {
      if (!ts.isAwaitExpression(node.expression) || !ts.isPropertyAccessExpression(node.parent))
        throw new Unsupported("parentheses");
      return ["(", this.expression(node.expression), ")"];
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.EqualsToken) {
        if (!ts.isPropertyAccessExpression(node.left)) throw new Unsupported("assignment target");
        if (!ts.isNewExpression(node.right) && !ts.isIdentifier(node.right))
          throw new Unsupported("assigned value");
        return this.fluid(this.expression(node.left), " =", this.expression(node.right));
      }
      if (operator === ts.SyntaxKind.QuestionQuestionToken)
        return this.unbroken([this.expression(node.left), " ?? ", this.expression(node.right)]);
    }
    throw new Unsupported(ts.SyntaxKind[node.kind]);
  }

  /**
   * A doc printed flat, for a construct whose broken layout prettier decides with more than is modelled
   * here (member chains, hugged arguments): if it does not fit, the caller sees the overlong line.
   */
  private unbroken(doc: Doc): Doc {
    return this.docs.utils.removeLines(doc);
  }

  private flatArguments(node: Ts.CallExpression | Ts.NewExpression): Doc {
    return [
      "(",
      this.b.join(
        ", ",
        (node.arguments ?? []).map((a) => this.expression(a)),
      ),
      ")",
    ];
  }

  /**
   * prettier's `printCallArguments` for a call on a name: the arguments stay on the call's line, a last
   * object argument breaks inside its braces, or all of them break out. soapgen passes no functions, so
   * the first argument never hugs.
   */
  private call(node: Ts.CallExpression | Ts.NewExpression, keyword: string): Doc {
    const { group, indent, softline, line, ifBreak, conditionalGroup } = this.b;
    const ts = this.ts;
    // A name, or `super` (a generated error class's constructor).
    const callee = ts.isIdentifier(node.expression)
      ? node.expression.text
      : node.expression.kind === ts.SyntaxKind.SuperKeyword
        ? "super"
        : undefined;
    if (callee === undefined) throw new Unsupported("callee");
    const head: Doc = [keyword, callee, this.typeArguments(node.typeArguments)];
    const args = node.arguments ?? [];
    if (args.length === 0) return [head, "()"];
    // Each argument with the separator after it, as prettier's `printedArguments`.
    const printed: Doc[] = args.map((arg, i) => {
      if (i === args.length - 1) return this.expression(arg);
      if (this.isNextLineEmpty(arg.end)) throw new Unsupported("blank line between arguments");
      return [this.expression(arg), ",", line];
    });
    const allBrokenOut = (): Doc =>
      group(["(", indent([line, ...printed]), ifBreak(","), line, ")"], { shouldBreak: true });
    const last = args[args.length - 1]!;
    const penultimate = args.length > 1 ? args[args.length - 2] : undefined;
    // prettier's `shouldGroupLast`: a last object argument hugs the parentheses unless the one before is one too.
    if (ts.isObjectLiteralExpression(last) && last.properties.length > 0 && penultimate?.kind !== last.kind) {
      const leading = printed.slice(0, -1);
      if (leading.some((doc) => this.docs.utils.willBreak(doc))) return [head, allBrokenOut()];
      const hugged = printed[printed.length - 1]!;
      return [
        head,
        conditionalGroup([
          ["(", ...leading, hugged, ")"],
          ["(", ...leading, group(hugged, { shouldBreak: true }), ")"],
          allBrokenOut(),
        ]),
      ];
    }
    return [head, group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"])];
  }

  private objectLiteral(node: Ts.ObjectLiteralExpression): Doc {
    const { group, indent, line, ifBreak } = this.b;
    if (node.properties.length === 0) return "{}";
    this.refuseBrokenBrace(node, node.properties[0]!);
    const parts: Doc[] = [];
    node.properties.forEach((property, i) => {
      parts.push(this.objectProperty(property));
      if (i < node.properties.length - 1) {
        parts.push(",", line);
        if (this.isNextLineEmpty(property.end)) throw new Unsupported("blank line in an object");
      }
    });
    return group(["{", indent([line, ...parts]), ifBreak(","), line, "}"]);
  }

  /** prettier keeps an object or object type broken where its source breaks after `{`: not modelled. */
  private refuseBrokenBrace(node: Node, first: Node): void {
    if (this.text.slice(node.getStart(this.file), first.getStart(this.file)).includes("\n"))
      throw new Unsupported("braces broken in the source");
  }

  private objectProperty(node: Ts.ObjectLiteralElementLike): Doc {
    const ts = this.ts;
    if (ts.isSpreadAssignment(node)) return ["...", this.expression(node.expression)];
    if (ts.isShorthandPropertyAssignment(node)) return node.name.text;
    if (!ts.isPropertyAssignment(node)) throw new Unsupported("object member");
    const key = this.propertyKey(node.name);
    // prettier's `isObjectPropertyWithShortKey`: a key narrower than tabWidth + 3 never breaks after `:`.
    const shortKey = typeof key === "string" && key.length < 5;
    return this.assignment(key, ":", node.initializer, shortKey);
  }

  // ---- types

  private type(node: Ts.TypeNode, place: UnionPlace): Doc {
    const ts = this.ts;
    const keyword = this.keywords.get(node.kind);
    if (keyword !== undefined) return keyword;
    if (ts.isLiteralTypeNode(node)) {
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) return "null";
      if (ts.isStringLiteral(node.literal)) return this.stringLiteral(node.literal);
      throw new Unsupported("literal type");
    }
    if (ts.isTypeReferenceNode(node)) {
      if (!ts.isIdentifier(node.typeName)) throw new Unsupported("qualified type name");
      return [node.typeName.text, this.typeArguments(node.typeArguments)];
    }
    if (ts.isUnionTypeNode(node)) return this.union(node, place);
    if (ts.isIntersectionTypeNode(node)) return this.intersection(node);
    if (ts.isArrayTypeNode(node)) return [this.type(node.elementType, "indented"), "[]"];
    if (ts.isParenthesizedTypeNode(node)) return this.parenthesized(node);
    if (ts.isTypeLiteralNode(node)) return this.typeLiteral(node);
    if (ts.isIndexedAccessTypeNode(node))
      return [this.type(node.objectType, "indented"), "[", this.type(node.indexType, "indented"), "]"];
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword)
      return ["keyof ", this.type(node.type, "indented")];
    throw new Unsupported(ts.SyntaxKind[node.kind]);
  }

  /**
   * Parentheses prettier keeps: a union or intersection as an array's element, a union in an
   * intersection, an intersection in a union.
   */
  private parenthesized(node: Ts.ParenthesizedTypeNode): Doc {
    const ts = this.ts;
    const inner = node.type;
    const parent = node.parent;
    const needed =
      (ts.isArrayTypeNode(parent) && (ts.isUnionTypeNode(inner) || ts.isIntersectionTypeNode(inner))) ||
      (ts.isIntersectionTypeNode(parent) && ts.isUnionTypeNode(inner)) ||
      (ts.isUnionTypeNode(parent) && ts.isIntersectionTypeNode(inner));
    if (!needed) throw new Unsupported("parentheses prettier would drop");
    if (ts.isUnionTypeNode(inner)) return ["(", this.union(inner, "parenthesized"), ")"];
    return ["(", this.type(inner, "indented"), ")"];
  }

  /** prettier's `shouldHugUnionType`: one object-like member, the others null or void. */
  private hugsUnion(node: Ts.UnionTypeNode): boolean {
    const ts = this.ts;
    const objectLike = (t: Ts.TypeNode): boolean => ts.isTypeLiteralNode(t) || ts.isTypeReferenceNode(t);
    const voidLike = (t: Ts.TypeNode): boolean =>
      t.kind === ts.SyntaxKind.VoidKeyword ||
      (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
    const object = node.types.find(objectLike);
    return object !== undefined && node.types.every((t) => t === object || voidLike(t));
  }

  /** prettier's `printUnionType`. */
  private union(node: Ts.UnionTypeNode, place: UnionPlace): Doc {
    const { group, indent, softline, line, ifBreak, align, join } = this.b;
    if (this.hugsUnion(node))
      return join(
        " | ",
        node.types.map((t) => this.type(t, "indented")),
      );
    const typeArguments = (node.parent as { typeArguments?: readonly Ts.Node[] }).typeArguments;
    const inTypeArguments = typeArguments?.includes(node) === true;
    // prettier parenthesizes an intersection that is a member of a union.
    const member = (t: Ts.TypeNode): Doc =>
      this.ts.isIntersectionTypeNode(t) ? ["(", this.type(t, "indented"), ")"] : this.type(t, "indented");
    const doc = group(
      node.types.map((t, i) => [i === 0 ? ifBreak("| ") : [line, "| "], align(2, member(t))]),
    );
    if (place === "parenthesized") return group([indent([softline, doc]), softline]);
    if (place === "bare" || inTypeArguments) return doc;
    return group(indent([softline, doc]));
  }

  /** prettier's `printIntersectionType`: objects stay beside their neighbours, other members break with `&`. */
  private intersection(node: Ts.IntersectionTypeNode): Doc {
    const { group, indent, line } = this.b;
    const isObject = (t: Ts.TypeNode): boolean => this.ts.isTypeLiteralNode(t);
    let wasIndented = false;
    return group(
      node.types.map((t, index) => {
        const doc = this.type(t, "indented");
        if (index === 0) return doc;
        const previous = node.types[index - 1]!;
        if (isObject(previous) && isObject(t)) return [" & ", wasIndented ? indent(doc) : doc];
        if (!isObject(previous) && !isObject(t)) return indent([" &", line, doc]);
        if (index > 1) wasIndented = true;
        return [" & ", index > 1 ? indent(doc) : doc];
      }),
    );
  }

  /** prettier's `printTypeParameters` for type arguments: one simple or object argument stays inline. */
  private typeArguments(args: Ts.NodeArray<Ts.TypeNode> | undefined): Doc {
    const { group, indent, softline, line, join } = this.b;
    if (args === undefined) return "";
    const ts = this.ts;
    const only = args.length === 1 ? args[0]! : undefined;
    // prettier's `shouldHugType`: a keyword, a literal, a bare reference, an object type or a hugged union.
    const simple = (t: Ts.TypeNode): boolean =>
      ts.isTypeLiteralNode(t) ||
      (ts.isTypeReferenceNode(t) && t.typeArguments === undefined) ||
      this.keywords.has(t.kind) ||
      ts.isLiteralTypeNode(t) ||
      (ts.isUnionTypeNode(t) && this.hugsUnion(t));
    const printed = args.map((t) => this.type(t, "indented"));
    if (args.length === 0 || (only !== undefined && simple(only))) return ["<", join(", ", printed), ">"];
    return group(["<", indent([softline, join([",", line], printed)]), softline, ">"]);
  }

  /** prettier's object printer for a type literal: `{ a: A; b: B }`, or one member per line. */
  private typeLiteral(node: Ts.TypeLiteralNode): Doc {
    const { group, indent, line, ifBreak } = this.b;
    if (node.members.length === 0) return "{}";
    this.refuseBrokenBrace(node, node.members[0]!);
    const parts: Doc[] = [];
    node.members.forEach((member, i) => {
      if (!this.ts.isPropertySignature(member)) throw new Unsupported("type literal member");
      if ((this.ts.getLeadingCommentRanges(this.text, member.pos)?.length ?? 0) > 0)
        throw new Unsupported("comment in a type literal");
      const last = i === node.members.length - 1;
      parts.push(this.propertySignature(member), last ? ifBreak(";") : ";");
      if (!last) {
        parts.push(line);
        if (this.isNextLineEmpty(member.end)) throw new Unsupported("blank line in a type literal");
      }
    });
    return group(["{", indent([line, ...parts]), line, "}"]);
  }

  // ---- names and literals

  /** A property name as prettier's `quoteProps: "as-needed"` leaves it. */
  private propertyKey(name: Ts.PropertyName): Doc {
    const ts = this.ts;
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
    if (ts.isStringLiteral(name)) {
      const printed = this.stringLiteral(name);
      if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name.text) && printed.slice(1, -1) === name.text)
        return name.text;
      if (/[^\x20-\x7e]/.test(name.text)) throw new Unsupported("non-ASCII key");
      return printed;
    }
    throw new Unsupported("property name");
  }

  /**
   * prettier's `printString`: double quotes unless the text holds more of them than single ones; a
   * literal already in that quote is kept as written, another has only its quotes re-escaped.
   */
  private stringLiteral(node: Ts.Expression | Ts.StringLiteral): string {
    if (!this.ts.isStringLiteral(node)) throw new Unsupported("module specifier");
    const raw = this.text.slice(node.getStart(this.file), node.end);
    const content = raw.slice(1, -1);
    const quote = prettierQuote(content);
    if (raw[0] === quote) return raw;
    const other = quote === '"' ? "'" : '"';
    const body = content.replace(
      /\\(["'\\])|(["'])/g,
      (match, escaped: string | undefined, bare: string | undefined) =>
        escaped !== undefined
          ? escaped === other
            ? other
            : match
          : bare === quote
            ? `\\${bare}`
            : (bare as string),
    );
    return quote + body + quote;
  }

  // ---- source positions

  /** prettier's `isNextLineEmpty`: after `index`, past `;`/`,` and the line's end, the next line is blank. */
  private isNextLineEmpty(index: number): boolean {
    const text = this.text;
    let i = index;
    while (i < text.length && ",; \t".includes(text[i]!)) i++;
    if (text[i] === "\r") i++;
    if (text[i] !== "\n") return false;
    i++;
    while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
    return text[i] === "\n" || text[i] === "\r";
  }

  private hasNewlineAfter(index: number): boolean {
    let i = index;
    while (this.text[i] === " " || this.text[i] === "\t") i++;
    return this.text[i] === "\n" || this.text[i] === "\r";
  }
}
