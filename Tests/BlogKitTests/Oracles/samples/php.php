declare(strict_types=1);

namespace App\Http\Controllers;

use App\Models\Article;
use App\Support\Slugger;
use InvalidArgumentException;
use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;

/**
 * REST controller for blog articles ("A framework-free PHP API", part 3).
 */
#[Route('/api/articles')]
final class ArticleController
{
    private const PAGE_SIZE = 20;
    private const MAX_TITLE = 0xC8;
    public const STATUS = ['draft', 'published', 'archived'];

    public function __construct(
        private readonly \PDO $db,
        private readonly Slugger $slugger,
        private float $cacheTtl = 3.6e3,
    ) {}

    #[Route('', methods: ['GET'])]
    public function index(Request $request, Response $response): Response
    {
        $params = $request->getQueryParams();
        $page = max(1, (int) ($params['page'] ?? 1));
        $offset = ($page - 1) * self::PAGE_SIZE;

        $sql = <<<SQL
            SELECT id, title, slug, status, published_at
              FROM articles
             WHERE status = :status
             ORDER BY published_at DESC
             LIMIT :limit OFFSET :offset
            SQL;
        $stmt = $this->db->prepare($sql);
        $stmt->bindValue(':status', $params['status'] ?? 'published');
        $stmt->bindValue(':limit', self::PAGE_SIZE, \PDO::PARAM_INT);
        $stmt->bindValue(':offset', $offset, \PDO::PARAM_INT);
        $stmt->execute();

        $rows = array_map(
            fn(array $row): array => $row + ['url' => "/blog/{$row['slug']}"],
            $stmt->fetchAll(\PDO::FETCH_ASSOC),
        );

        return $this->json($response, ['page' => $page, 'data' => $rows]);
    }

    #[Route('', methods: ['POST'])]
    public function store(Request $request, Response $response): Response
    {
        $body = json_decode((string) $request->getBody(), true, 512, JSON_THROW_ON_ERROR);
        $title = trim($body['title'] ?? '');

        if ($title === '' || strlen($title) > self::MAX_TITLE) {
            throw new InvalidArgumentException("Title must be 1-" . self::MAX_TITLE . " chars");
        }

        $status = match ($body['status'] ?? 'draft') {
            'draft', 'published' => $body['status'] ?? 'draft',
            default => throw new InvalidArgumentException('unknown status'),
        };

        $article = new Article(
            title: $title,
            slug: $this->slugger->slugify($title),
            status: $status,
        );
        $article->save($this->db);

        // Location header points at the new resource.
        return $this->json($response->withHeader('Location', "/api/articles/$article->id"), $article, 201);
    }

    private function json(Response $response, mixed $payload, int $status = 200): Response
    {
        $response->getBody()->write(json_encode($payload, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES));
        return $response
            ->withHeader('Content-Type', 'application/json')
            ->withHeader('Cache-Control', sprintf('max-age=%d', (int) $this->cacheTtl))
            ->withStatus($status);
    }
}

# Quick smoke test when run from the CLI.
if (PHP_SAPI === 'cli' && isset($argv[1])) {
    $pdo = new \PDO('sqlite::memory:');
    $controller = new ArticleController($pdo, new Slugger());
    $nowdoc = <<<'TXT'
        Raw text: $not_interpolated \n stays as-is
        TXT;
    echo $nowdoc, PHP_EOL, 'tab:\t', "\ttab\n", 0x0A <=> 012, PHP_EOL;
    $fn = static function (int ...$n) use ($pdo): int { return array_sum($n); };
    var_dump($fn(1, 2, 3) ?: null, $controller instanceof ArticleController);
}
