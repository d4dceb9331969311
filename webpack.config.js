// Builds the task pane, the ribbon command page and its result dialog into dist/, with the manifest and icons.
//   webpack --mode production                      production build; office.js from Microsoft's CDN
//   ADDIN_URL=https://intranet/addin/ webpack ...  also rewrites the manifest's https://localhost:3000/ to that URL
//   OFFICE_JS=local webpack ...                    office.js from the add-in's own server (npm package @microsoft/office-js),
//                                                  for intranets that cannot reach Microsoft's CDN; rebuild to keep it current
//   webpack --env e2e                              test build: a stand-in office.js over the fake Word (test/e2e)
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { EsbuildPlugin } = require("esbuild-loader");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = "office-js/office.js";

/** The manifest for where the office hosts the files: every dev URL, and the dev origin in AppDomains. */
function rewriteManifest(xml, addinUrl) {
  if (addinUrl === DEV_URL) return xml;
  return xml.split(DEV_URL).join(addinUrl).split(DEV_URL.replace(/\/$/, "")).join(new URL(addinUrl).origin);
}

/**
 * Our TypeScript, as ES modules so that webpack can tree-shake Fluent (the CLI build, tsc, stays CommonJS); each
 * configuration its own ts-loader instance.
 */
function typeScriptRule({ configFile, sourceMap, target, instance }) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        configFile,
        compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, sourceMap, ...(target ? { target } : {}) },
        onlyCompileBundledFiles: true,
        ...(instance ? { instance } : {}),
      },
    },
  };
}

/** Inlines the page's script into its HTML; "</script" and "<!--" inside it would end or confuse the script element. */
function inlineScript(name) {
  return (compilation) =>
    compilation.assets[name]
      .source()
      .toString()
      .replace(/<\/(script)/gi, "<\\/$1")
      .replace(/<!--/g, "<\\!--");
}

/** After the HTML is written, the script it inlines is not emitted as a file of its own. */
class DropInlinedAssets {
  constructor(names) {
    this.names = names;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DropInlinedAssets", (compilation) => {
      const { Compilation } = compiler.webpack;
      compilation.hooks.processAssets.tap({ name: "DropInlinedAssets", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        for (const name of this.names) compilation.deleteAsset(name);
      });
    });
  }
}

/**
 * The offline checker: one self-contained dist/checker.html (scripts, styles inlined; no chunks, no fetches),
 * compiled to ES2019, node_modules included, so that Chromium 80-era browsers parse it.
 */
function checkerConfig(production, engineGuard, outputPath) {
  return {
    name: "checker",
    devtool: false,
    target: ["web", "es2019"],
    entry: { checker: "./src/page/index.tsx" },
    output: { path: outputPath, filename: "[name].js", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        typeScriptRule({ configFile: "tsconfig.json", sourceMap: false, target: "es2019", instance: "checker" }),
        {
          // Packages ship newer syntax (Fluent's tabster and pdf.js use ?. and ??): esbuild lowers it to ES2019.
          test: /\.m?js$/,
          include: /node_modules/,
          exclude: /pdfjs-dist/,
          loader: "esbuild-loader",
          options: { loader: "js", target: "es2019" },
        },
        {
          // pdf.js also imports its worker and an image decoder by address (import(), ES2020), paths the page never
          // takes (its worker is bundled; text needs no images): lowered to a require() that webpack cannot resolve.
          test: /\.m?js$/,
          include: /pdfjs-dist/,
          loader: "esbuild-loader",
          options: { loader: "js", target: "es2019", supported: { "dynamic-import": false } },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "checker.html",
        template: "./src/page/checker.html",
        inject: false,
        minify: false,
        engineGuard,
        inlineScript: inlineScript("checker.js"),
      }),
      new DropInlinedAssets(["checker.js"]),
      // Every dynamic import in one file: the page has nothing to load later.
      new (require("webpack").optimize.LimitChunkCountPlugin)({ maxChunks: 1 }),
    ],
    // esbuild minifies too, to ES2019 (terser would take a minute over pdf.js).
    optimization: { minimize: production, minimizer: [new EsbuildPlugin({ target: "es2019" })], splitChunks: false },
    performance: { hints: false },
    // The lowered import() calls above: an expression webpack cannot resolve, by design.
    ignoreWarnings: [{ module: /pdfjs-dist/, message: /Critical dependency: the request of a dependency is an expression/ }],
  };
}

module.exports = (env = {}, argv = {}) => [
  addinConfig(env, argv),
  checkerConfig(
    argv.mode === "production",
    fs.readFileSync(path.join(__dirname, "src", "shared", "engineGuard.js"), "utf8"),
    path.resolve(__dirname, env.e2e ? "dist-e2e" : "dist"),
  ),
];

function addinConfig(env, argv) {
  const production = argv.mode === "production";
  const e2e = Boolean(env.e2e);
  const addinUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, "/") : DEV_URL;
  // Microsoft supports the CDN copy; the npm copy is for networks that cannot reach it, and is only as current as the build.
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJs = e2e ? "office-stand-in.js" : localOfficeJs ? LOCAL_OFFICE_JS : OFFICE_JS;
  // Inlined first in every page: tells Word's old engines (IE11, EdgeHTML) what to do instead (src/shared/engineGuard.js).
  const engineGuard = fs.readFileSync(path.join(__dirname, "src", "shared", "engineGuard.js"), "utf8");
  const page = (name, chunks, folder = name === "taskpane" || name === "help" ? "taskpane" : "commands") =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/${folder}/${name}.html`, chunks, officeJs, engineGuard });

  return {
    name: "addin",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      result: "./src/commands/result.ts",
      ...(e2e ? { "office-stand-in": "./test/e2e/officeStandIn.ts", harness: "./test/e2e/harness.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, e2e ? "dist-e2e" : "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // The checker page is built beside these by its own configuration.
      clean: { keep: /^checker\.html$/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [typeScriptRule({ configFile: e2e ? "tsconfig.test.json" : "tsconfig.json", sourceMap: !production })],
    },
    plugins: [
      page("taskpane", ["taskpane"]),
      page("commands", ["commands"]),
      page("result", ["result"]),
      page("help", []),
      ...(e2e ? [new HtmlWebpackPlugin({ filename: "harness.html", template: "./test/e2e/harness.html", chunks: ["harness"] })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(localOfficeJs && !e2e
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office-js",
                  globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/*-vsdoc.js"] },
                },
              ]
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), addinUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
      // This machine only: the documents a developer tries never leave it.
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      // A self-signed certificate made by the dev server; see README for trusting it or using Microsoft's on Windows.
      server: { type: "https", options: env.httpsKey ? { key: env.httpsKey, cert: env.httpsCert } : undefined },
      client: { overlay: { warnings: false } },
    },
  };
}

module.exports.rewriteManifest = rewriteManifest;
